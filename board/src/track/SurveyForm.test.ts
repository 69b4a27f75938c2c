import { describe, expect, it } from 'vitest';
import { effectScope, ref } from 'vue';
import SurveyForm from './SurveyForm.vue';
import { mountWithI18n } from './testing';
import type { Locale } from './types';
import { useSurvey } from './useSurvey';

const state = () => effectScope().run(() => useSurvey('tok', ref<Locale>('zh'), { request: async () => ({ data: null }) }))!;

describe('SurveyForm', () => {
  it('shows three questions of five stars; a tap rates, and the chosen star is checked', async () => {
    const s = state();
    const w = mountWithI18n(SurveyForm, { survey: { answered: false, attitude: null, quality: null, priceTransparency: null }, state: s });
    expect(w.findAll('[role=radiogroup]')).toHaveLength(3);
    expect(w.text()).toContain('服务态度');
    await w.findAll('[data-question=quality] .star')[3].trigger('click');
    expect(s.ratings.value.quality).toBe(4);
    expect(w.findAll('[data-question=quality] .star.on')).toHaveLength(4);
    expect(w.find('[data-question=quality] [aria-checked=true]').attributes('aria-label')).toBe('4 星');
    expect(w.find('button[type=submit]').exists()).toBe(true);
  });

  it('answered: the thanks and the stars given, read-only, no form', () => {
    const w = mountWithI18n(SurveyForm, { survey: { answered: true, attitude: 5, quality: 3, priceTransparency: 4 }, state: state() }, 'en');
    expect(w.text()).toContain('Thank you for your rating!');
    expect(w.findAll('[data-question=quality] .star.on')).toHaveLength(3);
    expect(w.findAll('.star').every((b) => b.attributes('disabled') !== undefined)).toBe(true);
    expect(w.find('button[type=submit]').exists()).toBe(false);
  });
});
