/**
 * Who may see what. Owns users, organizations, nations and need-to-know groups (the directory), sign-in
 * (form login for people, bearer tokens for the API), and the one releasability policy of the trust model:
 * {@link org.dicas.security.ReleasabilityPolicy} decides every read, either record by record or as the SQL
 * predicate every repository appends to its queries. {@link org.dicas.security.MarkedRecords} keeps the marking
 * of every record in one table so that the policy has one place to look.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security and trust")
package org.dicas.security;
