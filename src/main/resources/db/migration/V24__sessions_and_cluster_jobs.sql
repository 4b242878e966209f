-- Web sessions in PostgreSQL (issue 12): every node serves every signed-in user, and a session ended on one node
-- (sign-out, an account disabled) is gone on all. Spring Session JDBC's own schema for PostgreSQL
-- (org/springframework/session/jdbc/schema-postgresql.sql of spring-session-jdbc 4.0), unchanged; Spring Session
-- reads and writes these tables, nothing else in the platform does but the expiry sweep and UserAdministration
-- (through Spring Session's repository). The attribute bytes are Java-serialized: the security context (the
-- platform user, never a password hash), the CSRF token, the chosen language and the page asked for before sign-in.
CREATE TABLE SPRING_SESSION (
	PRIMARY_ID CHAR(36) NOT NULL,
	SESSION_ID CHAR(36) NOT NULL,
	CREATION_TIME BIGINT NOT NULL,
	LAST_ACCESS_TIME BIGINT NOT NULL,
	MAX_INACTIVE_INTERVAL INT NOT NULL,
	EXPIRY_TIME BIGINT NOT NULL,
	PRINCIPAL_NAME VARCHAR(100),
	CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);

CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
	SESSION_PRIMARY_ID CHAR(36) NOT NULL,
	ATTRIBUTE_NAME VARCHAR(200) NOT NULL,
	ATTRIBUTE_BYTES BYTEA NOT NULL,
	CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
	CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION(PRIMARY_ID) ON DELETE CASCADE
);

-- Scheduled jobs that must run once per cluster (org.dicas.platform.ClusterOnce): the node that claims a run sets
-- last_started; another node's claim within the job's interval finds it too recent and skips. A run holds the
-- session-level advisory lock (classid 0xD1CA, objid = the job's key) while it works, so two runs never overlap.
create table cluster_job (
    name          text primary key,
    last_started  timestamptz not null,
    last_finished timestamptz,
    last_node     text not null,
    runs          bigint not null default 0
);
