import { computed, readonly, ref, type Ref } from 'vue';
import { request as defaultRequest } from '../shared/realtime-client';
import { type AnswerSurveyByLinkMutation, AnswerSurveyByLinkDocument } from './graphql.generated';
import type { Locale, Progress } from './types';

/** The survey as sent over the wire (typed by graphql-codegen from track.graphql). */
export const SURVEY_MUTATION = AnswerSurveyByLinkDocument.toString();
export const SURVEY_QUESTIONS = ['attitude', 'quality', 'priceTransparency'] as const;
export type SurveyQuestion = (typeof SURVEY_QUESTIONS)[number];
export type SurveyProblem = 'incomplete' | 'failed';

type Request = <T>(query: string, variables: Record<string, unknown>, headers?: Record<string, string>) => Promise<{ data?: T | null; errors?: unknown[] }>;

export interface SurveyDeps {
  request?: Request;
  /** The progress the answer came back with (shows the thanks at once). */
  onAnswered?: (progress: Progress) => void;
}

/** R-FU-2 on the progress page: the customer's three ratings (1–5), their suggestions, and sending them once. */
export function useSurvey(token: string, locale: Readonly<Ref<Locale>>, deps: SurveyDeps = {}) {
  const request = deps.request ?? defaultRequest;
  const ratings = ref<Record<SurveyQuestion, number>>({ attitude: 0, quality: 0, priceTransparency: 0 });
  const suggestions = ref('');
  const busy = ref(false);
  const problem = ref<SurveyProblem | null>(null);
  const sent = ref(false);
  const complete = computed(() => SURVEY_QUESTIONS.every((q) => ratings.value[q] >= 1));

  function rate(question: SurveyQuestion, stars: number) {
    if (busy.value || sent.value) return;
    ratings.value = { ...ratings.value, [question]: stars };
    if (problem.value === 'incomplete' && complete.value) problem.value = null;
  }

  async function submit() {
    if (busy.value || sent.value) return;
    if (!complete.value) {
      problem.value = 'incomplete';
      return;
    }
    busy.value = true;
    problem.value = null;
    try {
      const res = await request<AnswerSurveyByLinkMutation>(SURVEY_MUTATION, { input: { token, ...ratings.value, suggestions: suggestions.value.trim() || null } }, { 'accept-language': locale.value });
      const payload = res.data?.answerSurveyByLink;
      // Already answered (on the callback, or in another tab) counts as done for the customer.
      if (payload && (payload.userErrors.length === 0 || payload.userErrors.every((u) => u.code === 'SURVEY_EXISTS'))) {
        sent.value = true;
        if (payload.progress) deps.onAnswered?.(payload.progress);
      } else problem.value = 'failed';
    } catch {
      problem.value = 'failed';
    } finally {
      busy.value = false;
    }
  }

  return { ratings: readonly(ratings), suggestions, busy: readonly(busy), problem: readonly(problem), sent: readonly(sent), rate, submit };
}

export type SurveyState = ReturnType<typeof useSurvey>;
