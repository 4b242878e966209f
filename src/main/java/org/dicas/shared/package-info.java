/**
 * Value types every module speaks: {@link org.dicas.shared.Marking} (the banner grammar of the trust model),
 * {@link org.dicas.shared.NationCode}, {@link org.dicas.shared.AccessLevel}, and the web-wide pieces
 * (problem responses, the "not found" signal). No Spring beans hold business state here; the module is
 * shared by all others, so it must never depend on any of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.dicas.shared;
