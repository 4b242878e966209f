/**
 * Forum operations (capability C1): working groups with terms of reference, co-chairs and members; plenaries and
 * working-group meetings with agenda, attendance, minutes, decisions and action items; threaded discussions;
 * the document library; calendar export. Every row here is a marked record: reads go through the releasability
 * policy's SQL predicate, so a record a user may not read is never listed, counted or found by id.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Forum operations")
package org.dicas.forum;
