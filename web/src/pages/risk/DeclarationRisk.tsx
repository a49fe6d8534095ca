/** The risk panel of a declaration (placeholder while the panel is built). */
export function DeclarationRisk(_props: { reference: string }) {
  return null;
}
