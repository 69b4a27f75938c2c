import { computed, type Ref, readonly, ref, shallowRef, watch } from 'vue';
import { request as defaultRequest } from '../shared/realtime-client';
import { type Choice, choose, customerTotalFen, decisionOf, initialChoice, toggleDeferred, type ChoiceLine } from './estimate-choice';
import { type ApproveEstimateByLinkMutation, ApproveEstimateByLinkDocument } from './graphql.generated';
import type { Locale, PendingEstimate, Progress } from './types';

export type { PendingEstimate };
/** The approval as sent over the wire (typed by graphql-codegen from track.graphql). */
export const APPROVE_MUTATION = ApproveEstimateByLinkDocument.toString();

export type ApprovalProblem = 'nameRequired' | 'changed' | 'failed';

type Request = <T>(query: string, variables: Record<string, unknown>, headers?: Record<string, string>) => Promise<{ data?: T | null; errors?: unknown[] }>;

export interface ApprovalDeps {
  request?: Request;
  /** The progress the approval answered with (the page shows it at once, before the live update). */
  onApproved?: (progress: Progress) => void;
}

/**
 * The customer's approval of the pending estimate (R-EST-4): their choices (R-EST-3), their name, and
 * the call. A new estimate or version from the live progress starts the choices again. After a success
 * the live progress brings the new status; the page shows the thanks until then.
 */
export function useEstimateApproval(token: string, estimate: Readonly<Ref<PendingEstimate | null | undefined>>, locale: Readonly<Ref<Locale>>, deps: ApprovalDeps = {}) {
  const request = deps.request ?? defaultRequest;
  const choice = shallowRef<Choice>({ chosen: {}, deferred: [] });
  const approverName = ref('');
  const busy = ref(false);
  const problem = ref<ApprovalProblem | null>(null);
  const approvedId = ref<string | null>(null);

  // A new estimate, or a new version of it (the advisor changed it), starts the choices again.
  watch(
    () => estimate.value && `${estimate.value.id}:${estimate.value.version}`,
    () => {
      if (!estimate.value) return;
      choice.value = initialChoice(estimate.value.lines);
      if (problem.value !== 'changed') problem.value = null;
    },
    { immediate: true },
  );

  const totalFen = computed(() => (estimate.value ? customerTotalFen(choice.value, estimate.value.lines, estimate.value.taxBasisPoints) : 0));

  async function approve() {
    const e = estimate.value;
    if (!e || busy.value) return;
    const name = approverName.value.trim();
    if (!name) {
      problem.value = 'nameRequired';
      return;
    }
    busy.value = true;
    problem.value = null;
    try {
      const res = await request<ApproveEstimateByLinkMutation>(
        APPROVE_MUTATION,
        { input: { token, estimateId: e.id, expectedVersion: e.version, approverName: name, ...decisionOf(choice.value, e.lines) } },
        { 'accept-language': locale.value },
      );
      const payload = res.data?.approveEstimateByLink;
      if (payload && payload.userErrors.length === 0) {
        approvedId.value = e.id;
        if (payload.progress) deps.onApproved?.(payload.progress);
      } else problem.value = payload?.userErrors.some((u) => u.code === 'STALE_VERSION') ? 'changed' : 'failed';
    } catch {
      problem.value = 'failed';
    } finally {
      busy.value = false;
    }
  }

  return {
    choice: readonly(choice),
    approverName,
    busy: readonly(busy),
    problem: readonly(problem),
    /** The estimate this page approved (shown as thanks until the live progress moves on). */
    approvedId: readonly(approvedId),
    totalFen,
    choose: (line: ChoiceLine) => void (choice.value = choose(choice.value, line)),
    toggleDeferred: (line: ChoiceLine) => void (choice.value = toggleDeferred(choice.value, line)),
    approve,
  };
}

export type EstimateApprovalState = ReturnType<typeof useEstimateApproval>;
