import { describe, expect, it } from 'vitest';
import { effectScope, ref } from 'vue';
import { sampleProgress } from './testing';
import type { Locale, Progress } from './types';
import { SURVEY_MUTATION, useSurvey } from './useSurvey';

const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz0123456789ABCDE';
const answered = sampleProgress({ status: 'DELIVERED', survey: { answered: true, attitude: 5, quality: 4, priceTransparency: 3 } });

function setup(answer: () => unknown = () => ({ data: { answerSurveyByLink: { progress: answered, userErrors: [] } } })) {
  const accepted: Progress[] = [];
  const calls: { query: string; variables: Record<string, unknown>; headers?: Record<string, string> }[] = [];
  const request = async <T,>(query: string, variables: Record<string, unknown>, headers?: Record<string, string>) => {
    calls.push({ query, variables, headers });
    return answer() as { data?: T };
  };
  const locale = ref<Locale>('en');
  const state = effectScope().run(() => useSurvey(TOKEN, locale, { request, onAnswered: (p) => accepted.push(p) }))!;
  return { state, calls, accepted };
}

describe('useSurvey (R-FU-2 on the progress page)', () => {
  it('asks for all three ratings before sending', async () => {
    const { state, calls } = setup();
    state.rate('attitude', 5);
    await state.submit();
    expect(calls).toEqual([]);
    expect(state.problem.value).toBe('incomplete');
    state.rate('quality', 4);
    state.rate('priceTransparency', 3);
    expect(state.problem.value).toBeNull();
  });

  it('sends the ratings and the trimmed suggestions once, in the page’s language, and hands the answered progress on', async () => {
    const { state, calls, accepted } = setup();
    state.rate('attitude', 5);
    state.rate('quality', 4);
    state.rate('priceTransparency', 3);
    state.suggestions.value = '  咖啡不错 ';
    await state.submit();
    await state.submit();
    expect(calls).toEqual([{ query: SURVEY_MUTATION, variables: { input: { token: TOKEN, attitude: 5, quality: 4, priceTransparency: 3, suggestions: '咖啡不错' } }, headers: { 'accept-language': 'en' } }]);
    expect(state.sent.value).toBe(true);
    expect(accepted).toEqual([answered]);
    state.rate('attitude', 1);
    expect(state.ratings.value.attitude).toBe(5);
  });

  it('already answered elsewhere counts as done; another refusal or a network failure asks to try again', async () => {
    const exists = setup(() => ({ data: { answerSurveyByLink: { progress: null, userErrors: [{ code: 'SURVEY_EXISTS', field: ['input', 'token'], message: '' }] } } }));
    for (const q of ['attitude', 'quality', 'priceTransparency'] as const) exists.state.rate(q, 4);
    await exists.state.submit();
    expect(exists.state.sent.value).toBe(true);

    const closed = setup(() => ({ data: { answerSurveyByLink: { progress: null, userErrors: [{ code: 'SURVEY_NOT_OPEN', field: ['input', 'token'], message: '' }] } } }));
    for (const q of ['attitude', 'quality', 'priceTransparency'] as const) closed.state.rate(q, 4);
    await closed.state.submit();
    expect([closed.state.sent.value, closed.state.problem.value]).toEqual([false, 'failed']);

    const down = setup(() => {
      throw new Error('offline');
    });
    for (const q of ['attitude', 'quality', 'priceTransparency'] as const) down.state.rate(q, 2);
    await down.state.submit();
    expect([down.state.sent.value, down.state.problem.value, down.state.busy.value]).toEqual([false, 'failed', false]);
  });
});
