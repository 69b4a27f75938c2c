import fs from 'node:fs';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Services } from '../../services.types.js';
import type { Clock } from '../../shared/clock.js';
import { EstimateApproval } from '../estimate/estimate.entity.js';
import { EstimateLineKind, EstimatePayer } from '../estimate/estimate.enums.js';
import { WalkAround } from '../reception/walk-around.entity.js';
import { Settlement, SettlementReversal } from '../settlement/settlement.entity.js';
import { InvoiceKind, PaymentMethod } from '../settlement/settlement.enums.js';
import { Store } from '../store/store.entity.js';
import type { UrlSigner } from '../upload/upload-signing.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { type DocumentHeader, DEFAULT_CJK_FONT, renderRepairOrder, renderSettlement } from './documents.render.js';

export type DocumentKind = 'repair-order' | 'settlement';
/** A signed document link lives this long. */
const LINK_MINUTES = 15;
const KIND: Record<EstimateLineKind, string> = { PART: '配件', LABOUR: '工时', FEE: '其他' };
const PAYER: Record<EstimatePayer, string> = { CUSTOMER: '客户', WARRANTY: '索赔', INSURANCE: '保险' };
const METHOD: Record<PaymentMethod, string> = { CASH: '现金', CARD: '银行卡', WECHAT_PAY: '微信支付', ALIPAY: '支付宝' };

/** The printed documents: signed, expiring links for staff, and the PDFs drawn on request. */
export class DocumentService {
  constructor(
    private readonly signer: UrlSigner,
    private readonly publicUrl: string,
    private readonly clock: Clock,
    private readonly registry: () => Services,
    private readonly font = DEFAULT_CJK_FONT,
  ) {}

  /** Whether the Chinese font is there to draw with (Debian: `fonts-noto-cjk`, or `WORKBAY_CJK_FONT`). */
  fontAvailable(): boolean {
    return fs.existsSync(this.font.path);
  }

  private key(storeId: number, kind: DocumentKind, id: number): string {
    return `documents/${storeId}/${kind}/${id}`;
  }

  /** A link to the document, valid for 15 minutes (no bearer token needed to open it in a browser or a print dialog). */
  url(storeId: number, kind: DocumentKind, id: number): string {
    const { expires, signature } = this.signer.sign('get', this.key(storeId, kind, id), new Date(this.clock.now().getTime() + LINK_MINUTES * 60_000));
    return `${this.publicUrl}/documents/${storeId}/${kind}/${id}.pdf?expires=${expires}&signature=${signature}`;
  }

  mayRead(storeId: number, kind: DocumentKind, id: number, expires: unknown, signature: unknown): boolean {
    return this.signer.verify('get', this.key(storeId, kind, id), expires, signature, this.clock.now());
  }

  private async header(em: EntityManager, wo: WorkOrder): Promise<{ header: DocumentHeader; store: Store }> {
    await em.populate(wo, ['vehicle', 'customer', 'store']);
    const store = wo.store.getEntity();
    const vehicle = wo.vehicle.getEntity();
    return {
      store,
      header: { storeName: store.name, storePhone: store.phone, storeAddress: store.address, workOrderNumber: wo.number, customerName: wo.customer.getEntity().name, plate: vehicle.plate ?? '', vin: vehicle.vin, model: vehicle.model ?? '', mileageIn: wo.mileageIn },
    };
  }

  private local(store: Store, at: Date): string {
    return new Intl.DateTimeFormat('zh-CN', { timeZone: store.timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(at);
  }

  /** 维修委托书 of a work order: approved lines and what the customer signed; null when not in the store. */
  async repairOrder(em: EntityManager, storeId: number, workOrderId: number): Promise<Buffer | null> {
    const wo = await em.findOne(WorkOrder, { id: workOrderId, store: storeId });
    if (!wo) return null;
    const { header, store } = await this.header(em, wo);
    const lines = await this.registry().estimates.chargeableLines(em, storeId, wo.id);
    const walkAround = await em.findOne(WalkAround, { workOrder: wo.id });
    const approvals = await em.find(EstimateApproval, { estimate: { workOrder: wo.id } }, { orderBy: { id: 'asc' } });
    const signatures = [
      ...(walkAround ? [`${walkAround.declined ? '拒绝环车检查' : '环车检查单'}（签字 ${this.local(store, walkAround.signedAt)}）`] : []),
      ...approvals.map((a) => `报价确认 ${a.approverName}（${a.method === 'ON_SITE_SIGNATURE' ? '现场签字' : a.method === 'PHONE' ? '电话确认' : '链接确认'} ${this.local(store, a.approvedAt)}）`),
    ];
    return renderRepairOrder(
      { ...header, openedAt: this.local(store, wo.createdAt), promisedAt: wo.promisedAt ? this.local(store, wo.promisedAt) : null, complaint: wo.complaint, lines: lines.map((l) => ({ description: l.description, kindLabel: KIND[l.kind], payerLabel: PAYER[l.payer], amountFen: l.amountFen })), signatures },
      this.font,
    );
  }

  /** 结算单 of a settlement; null when not in the store. */
  async settlement(em: EntityManager, storeId: number, settlementId: number): Promise<Buffer | null> {
    const s = await em.findOne(Settlement, { id: settlementId, store: storeId }, { populate: ['workOrder'] });
    if (!s) return null;
    const { header, store } = await this.header(em, s.workOrder.getEntity());
    const reversal = await em.findOne(SettlementReversal, { settlement: s.id });
    const t = s.totals;
    return renderSettlement(
      {
        ...header,
        number: s.number,
        settledAt: this.local(store, s.settledAt),
        reversed: reversal ? `${this.local(store, reversal.reversedAt)} ${reversal.reason}` : null,
        lines: s.lineRows.map((l) => ({ description: l.description, kindLabel: KIND[l.kind], payerLabel: PAYER[l.payer], amountFen: l.amountFen })),
        totals: [
          { label: '配件', fen: t.partsFen },
          { label: '工时', fen: t.labourFen },
          { label: '其他费用', fen: t.feesFen },
          { label: '税额', fen: t.taxFen },
          { label: '合计', fen: t.totalFen },
          { label: '索赔（厂家承担）', fen: t.warrantyFen },
          { label: '保险（保险公司承担）', fen: t.insuranceFen },
          { label: '优惠', fen: t.discountFen },
          { label: '积分抵扣', fen: t.pointsFen },
          { label: '客户实付', fen: t.customerFen },
        ],
        discountReason: s.discountReason,
        payments: s.paymentRows.map((p) => ({ label: METHOD[p.method], fen: p.amountFen, reference: p.reference })),
        points: `积分：抵扣 ${s.pointsRedeemed}，本次获得 ${s.pointsEarned}`,
        invoice: s.invoiceKind ? `${s.invoiceKind === InvoiceKind.SPECIAL ? '增值税专用发票' : '增值税普通发票'}${s.invoiceCompanyName ? ` ${s.invoiceCompanyName}` : ''}${s.invoiceTaxId ? ` ${s.invoiceTaxId}` : ''}` : null,
      },
      this.font,
    );
  }
}
