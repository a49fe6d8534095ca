/**
 * The messages of one area of the workbench (risk, online monitoring…), kept beside its pages so that areas grow
 * without touching each other's files. Its top-level keys join the core messages; its `errors` join theirs.
 */
export interface MessageBundle {
  fr: Record<string, unknown> & { errors?: Record<string, string> };
  en: Record<string, unknown> & { errors?: Record<string, string> };
  ar: Record<string, unknown> & { errors?: Record<string, string> };
}
