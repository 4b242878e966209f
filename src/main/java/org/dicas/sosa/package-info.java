/**
 * Security of Supply Arrangement (SoSA) priority-delivery requests: one nation's government asks the other
 * nation's SoSA office to help a firm deliver faster. Owns the request workflow (submitted, acknowledged by the
 * receiving nation, the firm's response recorded by the receiving nation, closed by the requesting nation), its
 * history, ages of open requests, and the links from a request to the supply-network nodes it relieves (referred to
 * by record id only). Every request is a marked record: reads go through the releasability policy's SQL predicate
 * (a hidden request is not listed and answers 404), every step is audited and notified to the other side.
 * Public API: {@link org.dicas.sosa.SosaRequests} and its records and commands; pages and the JSON API
 * ({@code /api/v1/sosa/requests}) are internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security of Supply requests")
package org.dicas.sosa;
