import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { effectScope, ref, shallowRef } from 'vue';
import type { Locale } from './types';
import { sampleEstimate, sampleProgress } from './testing';
import type { PendingEstimate, Progress } from './types';
import { APPROVE_MUTATION, useEstimateApproval } from './useEstimateApproval';

const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz0123456789ABCDE';

const answered = sampleProgress({ status: 'QUEUED', pendingEstimate: null });

function setup(answer: (variables: Record<string, unknown>) => unknown = () => ({ data: { approveEstimateByLink: { progress: answered, userErrors: [] } } })) {
  const accepted: Progress[] = [];
  const calls: { query: string; variables: Record<string, unknown>; headers?: Record<string, string> }[] = [];
  const request = async <T,>(query: string, variables: Record<string, unknown>, headers?: Record<string, string>) => {
    calls.push({ query, variables, headers });
    return answer(variables) as { data?: T };
  };
  const estimate = shallowRef<PendingEstimate | null>(sampleEstimate());
  const locale = ref<Locale>('zh');
  const scope = effectScope();
  const state = scope.run(() => useEstimateApproval(TOKEN, estimate, locale, { request, onApproved: (p) => accepted.push(p) }))!;
  return { state, calls, estimate, scope, accepted };
}

describe('useEstimateApproval (R-EST-4 by the customer link)', () => {
  it('sends the choices, the name and the version seen; shows thanks on success', async () => {
    const { state, calls, accepted } = setup();
    state.choose(sampleEstimate().lines[1]);
    state.toggleDeferred(sampleEstimate().lines[3]);
    expect(state.totalFen.value).toBe(39000 + 144000);
    state.approverName.value = '  王先生 ';
    await state.approve();
    expect(calls).toEqual([
      {
        query: APPROVE_MUTATION,
        variables: { input: { token: TOKEN, estimateId: 'RXN0aW1hdGU6MQ', expectedVersion: 2, approverName: '王先生', approvedLineIds: ['L2', 'L3'], deferredLineIds: ['L4'] } },
        headers: { 'accept-language': 'zh' },
      },
    ]);
    expect(state.approvedId.value).toBe('RXN0aW1hdGU6MQ');
    expect(state.problem.value).toBeNull();
    expect(accepted).toEqual([answered]);
  });

  it('needs a name before anything is sent', async () => {
    const { state, calls } = setup();
    await state.approve();
    expect(calls).toHaveLength(0);
    expect(state.problem.value).toBe('nameRequired');
  });

  it('a changed estimate (STALE_VERSION) asks the customer to look again; a new version starts the choices over', async () => {
    const { state, estimate } = setup(() => ({ data: { approveEstimateByLink: { progress: null, userErrors: [{ code: 'STALE_VERSION', message: '…' }] } } }));
    state.choose(sampleEstimate().lines[1]);
    state.approverName.value = '王先生';
    await state.approve();
    expect(state.problem.value).toBe('changed');
    expect(state.approvedId.value).toBeNull();
    estimate.value = sampleEstimate({ version: 3 });
    await flushPromises();
    expect(state.choice.value.chosen).toEqual({ tensioner: 'L1' });
  });

  it('any other refusal or a network failure says it did not go through', async () => {
    const refused = setup(() => ({ data: { approveEstimateByLink: { progress: null, userErrors: [{ code: 'NOT_FOUND', message: '…' }] } } }));
    refused.state.approverName.value = '王先生';
    await refused.state.approve();
    expect(refused.state.problem.value).toBe('failed');
    const offline = setup(() => {
      throw new Error('offline');
    });
    offline.state.approverName.value = '王先生';
    await offline.state.approve();
    expect(offline.state.problem.value).toBe('failed');
    expect(offline.state.busy.value).toBe(false);
  });
});
