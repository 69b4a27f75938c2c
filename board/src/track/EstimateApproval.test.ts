import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { effectScope, ref, shallowRef } from 'vue';
import EstimateApproval from './EstimateApproval.vue';
import { mountWithI18n, sampleEstimate, sampleProgress } from './testing';
import type { Locale, PendingEstimate } from './types';
import { useEstimateApproval } from './useEstimateApproval';

function mountApproval(estimate: PendingEstimate = sampleEstimate(), locale: Locale = 'zh') {
  const sent: Record<string, unknown>[] = [];
  const request = async <T,>(_q: string, variables: Record<string, unknown>) => {
    sent.push(variables.input as Record<string, unknown>);
    return { data: { approveEstimateByLink: { progress: sampleProgress({ status: 'QUEUED' }), userErrors: [] } } as T };
  };
  const state = effectScope().run(() => useEstimateApproval('tok', shallowRef(estimate), ref(locale), { request }))!;
  const w = mountWithI18n(EstimateApproval, { estimate, state }, locale);
  return { w, sent, state };
}

describe('EstimateApproval (R-EST-3/4 on the customer page)', () => {
  it('lists the lines, the alternatives as one choice with their trade-off, the deferrable line with its risk, and the total', () => {
    const { w } = mountApproval();
    expect(w.find('.title').text()).toBe('维修报价');
    expect(w.findAll('.option')).toHaveLength(2);
    expect(w.find('.option.chosen').text()).toContain('正时链条张紧器（原厂）');
    expect(w.text()).toContain('质保 6 个月');
    expect(w.find('.risk').text()).toBe('暂缓风险：刹车片剩 3 mm');
    expect(w.find('[data-testid="estimate-total"]').text()).toBe('¥2,440.00');
    expect(w.find('.tax').text()).toBe('价格含税');
  });

  it('choosing the aftermarket part and deferring the brakes changes the total at once', async () => {
    const { w } = mountApproval();
    await w.findAll('.option input')[1].setValue(true);
    await w.find('.defer input').setValue(true);
    expect(w.find('.option.chosen').text()).toContain('品牌件');
    expect(w.find('.deferred-note').exists()).toBe(true);
    expect(w.find('[data-testid="estimate-total"]').text()).toBe('¥1,830.00');
  });

  it('approving sends the choices and the name, then thanks the customer', async () => {
    const { w, sent } = mountApproval();
    await w.find('.defer input').setValue(true);
    await w.find('form').trigger('submit');
    expect(w.find('.problem').text()).toBe('请填写确认人姓名');
    await w.find('.name input').setValue('王先生');
    await w.find('form').trigger('submit');
    await flushPromises();
    expect(sent).toEqual([{ token: 'tok', estimateId: 'RXN0aW1hdGU6MQ', expectedVersion: 2, approverName: '王先生', approvedLineIds: ['L1', 'L3'], deferredLineIds: ['L4'] }]);
    expect(w.find('.thanks').text()).toBe('已收到您的确认，谢谢！');
    expect(w.find('form').exists()).toBe(false);
  });

  it('supplemental work, warranty lines and a tax rate, in English', () => {
    const estimate = sampleEstimate({
      supplemental: true,
      taxBasisPoints: 1300,
      lines: [
        { id: 'S1', kind: 'PART', description: 'Front brake discs', quantity: 2, amountFen: 90000, payer: 'CUSTOMER', alternativeGroup: null, tradeOff: null, deferrable: false, risk: null },
        { id: 'S2', kind: 'LABOUR', description: 'Gearbox valve body', quantity: null, amountFen: 50000, payer: 'WARRANTY', alternativeGroup: null, tradeOff: null, deferrable: false, risk: null },
      ],
    });
    const { w } = mountApproval(estimate, 'en');
    expect(w.find('.title').text()).toBe('Additional work');
    expect(w.find('button.primary').text()).toBe('Approve the additional work');
    expect(w.text()).toContain('× 2');
    expect(w.find('.payer').text()).toBe('Under warranty · Not charged to you');
    expect(w.find('[data-testid="estimate-total"]').text()).toBe('¥1,017.00');
    expect(w.find('.tax').text()).toBe('Includes 13% tax');
  });
});
