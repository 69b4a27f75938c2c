/**
 * What the log gets of an unexpected error: its kind, database error code and stack, never its
 * message or SQL, which can carry parameter values (tracking tokens, personal data).
 */
export function describeForLog(error: unknown): string {
  if (!(error instanceof Error)) return String(typeof error);
  const code = (error as { code?: string }).code ?? (error as { sqlState?: string }).sqlState;
  const frames = (error.stack ?? '').split('\n').filter((l) => l.trimStart().startsWith('at ')).slice(0, 8);
  const isDriver = error.constructor.name.endsWith('Exception') || 'sqlState' in error || 'query' in error;
  return [`${error.name}${code ? ` (${code})` : ''}${isDriver ? '' : `: ${error.message}`}`, ...frames].join('\n');
}
