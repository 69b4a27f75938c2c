/**
 * The customer's choices on an estimate waiting for approval (R-EST-3/4), as pure data: one line of
 * each alternative group, deferrable lines approved or deferred. The page renders a `Choice`; the
 * approval sends `decisionOf`. The total shown is computed the way the server computes it (per payer,
 * tax half up to the fen), but the server recomputes and records the total it approves.
 */

export interface ChoiceLine {
  id: string;
  amountFen: number;
  payer: string;
  alternativeGroup?: string | null;
  deferrable: boolean;
}

export interface Choice {
  /** Alternative group → the chosen line id. */
  chosen: Readonly<Record<string, string>>;
  /** Deferrable lines the customer put off to a later visit. */
  deferred: readonly string[];
}

/** Before the customer touches anything: the first line of each group (the one proposed), nothing deferred. */
export function initialChoice(lines: readonly ChoiceLine[]): Choice {
  const chosen: Record<string, string> = {};
  for (const l of lines) if (l.alternativeGroup && !(l.alternativeGroup in chosen)) chosen[l.alternativeGroup] = l.id;
  return { chosen, deferred: [] };
}

export function choose(choice: Choice, line: ChoiceLine): Choice {
  if (!line.alternativeGroup) return choice;
  return { ...choice, chosen: { ...choice.chosen, [line.alternativeGroup]: line.id } };
}

export function toggleDeferred(choice: Choice, line: ChoiceLine): Choice {
  if (!line.deferrable) return choice;
  const deferred = choice.deferred.includes(line.id) ? choice.deferred.filter((id) => id !== line.id) : [...choice.deferred, line.id];
  return { ...choice, deferred };
}

/** Whether the line is part of the work the customer approves. */
export function isApproved(choice: Choice, line: ChoiceLine): boolean {
  if (choice.deferred.includes(line.id)) return false;
  return !line.alternativeGroup || choice.chosen[line.alternativeGroup] === line.id;
}

/** What `approveEstimateByLink` sends: approved and deferred lines; the other alternatives are declined. */
export function decisionOf(choice: Choice, lines: readonly ChoiceLine[]): { approvedLineIds: string[]; deferredLineIds: string[] } {
  return {
    approvedLineIds: lines.filter((l) => isApproved(choice, l)).map((l) => l.id),
    deferredLineIds: lines.filter((l) => l.deferrable && choice.deferred.includes(l.id)).map((l) => l.id),
  };
}

/** What the customer pays for the approved lines: their CUSTOMER lines, with tax added per the estimate's rate. */
export function customerTotalFen(choice: Choice, lines: readonly ChoiceLine[], taxBasisPoints: number): number {
  const net = lines.filter((l) => l.payer === 'CUSTOMER' && isApproved(choice, l)).reduce((sum, l) => sum + l.amountFen, 0);
  return net + Math.floor((2 * net * taxBasisPoints + 10_000) / 20_000);
}

/** Fen as yuan for the customer: ¥1,234.50 (always two decimals). */
export function formatFen(fen: number, locale: 'zh' | 'en'): string {
  return `¥${(fen / 100).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
