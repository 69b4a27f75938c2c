import { registerEnumType } from 'type-graphql';

/** R-DEL-3: how the customer pays; several methods may split one settlement. */
export enum PaymentMethod {
  CASH = 'CASH',
  CARD = 'CARD',
  WECHAT_PAY = 'WECHAT_PAY',
  ALIPAY = 'ALIPAY',
}

/** R-DEL-3: the VAT invoice asked for. */
export enum InvoiceKind {
  ORDINARY = 'ORDINARY',
  SPECIAL = 'SPECIAL',
}

export enum SettlementEventKind {
  SETTLED = 'SETTLED',
  REVERSED = 'REVERSED',
  POINTS_ADJUSTED = 'POINTS_ADJUSTED',
}

registerEnumType(PaymentMethod, {
  name: 'PaymentMethod',
  description: 'R-DEL-3: a payment method at the cash desk.',
  valuesConfig: {
    CASH: { description: 'Cash (现金).' },
    CARD: { description: 'Bank card (银行卡).' },
    WECHAT_PAY: { description: 'WeChat Pay (微信支付).' },
    ALIPAY: { description: 'Alipay (支付宝).' },
  },
});

registerEnumType(InvoiceKind, {
  name: 'InvoiceKind',
  description: 'R-DEL-3: the kind of VAT invoice (发票).',
  valuesConfig: {
    ORDINARY: { description: 'Ordinary VAT invoice (增值税普通发票); a company title and tax id are optional.' },
    SPECIAL: { description: 'Special VAT invoice (增值税专用发票); needs the company name and a valid unified social credit code.' },
  },
});
