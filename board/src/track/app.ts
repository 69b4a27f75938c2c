import { computed, createApp, effectScope, ref, watch } from 'vue';
import { createTrackI18n, setI18nLocale } from './i18n';
import { loadLocale, saveLocale } from './locale';
import { messages } from './messages';
import TrackApp from './TrackApp.vue';
import type { Locale } from './types';
import { useEstimateApproval } from './useEstimateApproval';
import { type ProgressDeps, useProgress } from './useProgress';
import { useSurvey } from './useSurvey';

export interface TrackAppOptions {
  /** The tracking token from `/t/<token>`. */
  token: string;
  /** Test seams: a fake HTTP request / realtime client. */
  deps?: ProgressDeps;
  /** Where the language choice is remembered (localStorage by default). */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
}

/** Wires the page: language (remembered), the live progress, and the components that render them. */
export function createTrackApp({ token, deps, storage }: TrackAppOptions) {
  const scope = effectScope(true);
  const locale = ref<Locale>(loadLocale(storage));
  const i18n = createTrackI18n(locale.value);
  const state = scope.run(() => {
    watch(locale, (l) => {
      saveLocale(l, storage);
      setI18nLocale(i18n, l);
      applyDocumentLocale(l);
    });
    const progress = useProgress(token, locale, deps);
    const estimate = computed(() => progress.progress.value?.pendingEstimate ?? null);
    const approval = useEstimateApproval(token, estimate, locale, { request: deps?.request, onApproved: progress.accept });
    const survey = useSurvey(token, locale, { request: deps?.request, onAnswered: progress.accept });
    return { progress, approval, survey };
  })!;
  applyDocumentLocale(locale.value);

  const app = createApp(TrackApp, {
    state: state.progress,
    approval: state.approval,
    survey: state.survey,
    onSwitchLocale: () => {
      locale.value = locale.value === 'zh' ? 'en' : 'zh';
    },
  });
  app.use(i18n);
  app.onUnmount(() => scope.stop());
  return app;
}

function applyDocumentLocale(locale: Locale) {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
  document.title = messages[locale].title;
}
