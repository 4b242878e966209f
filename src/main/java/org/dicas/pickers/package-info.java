/**
 * Pickers instead of ids (issue 15, point 2; ADR 0042): the search-as-you-type fields of every form that links a
 * record, a person, a supply-chain node or a repair facility. One fragment ({@code fragments/picker}) and one script
 * ({@code /js/picker.js}) turn the plain field — which still takes an id typed by hand, and is what the form posts —
 * into an ARIA combobox whose matches come from four htmx endpoints, each answering an HTML fragment:
 * {@code /pick/records?q=&kind=}, {@code /pick/people?q=&readableRecord=}, {@code /pick/nodes?q=&network=} and
 * {@code /pick/facilities?q=}. Every match is read through the one read path as the signed-in user may see it (a
 * hidden record never appears, not even its id); people offered for a record are those the releasability policy lets
 * read it, asked per candidate. The module has no public API: only pages use it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pickers")
package org.dicas.pickers;
