/**
 * The printed documents (issue 8) as A4 PDFs: the repair order (维修委托书) and the settlement statement
 * (结算单), drawn with pdfkit and a Chinese font embedded as a subset (Noto Sans CJK SC by default, from
 * Debian's `fonts-noto-cjk`; `WORKBAY_CJK_FONT` and `WORKBAY_CJK_FONT_NAME` name another). No database,
 * no GraphQL: the service gathers the facts, this draws them.
 */
import PDFDocument from 'pdfkit';

export const DEFAULT_CJK_FONT = { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' };

export interface DocumentLine {
  description: string;
  kindLabel: string;
  amountFen: number;
  payerLabel: string;
}

export interface DocumentHeader {
  storeName: string;
  storePhone?: string | null;
  storeAddress?: string | null;
  workOrderNumber: string;
  customerName: string;
  plate: string;
  vin: string;
  model: string;
  mileageIn?: number | null;
}

export interface RepairOrderData extends DocumentHeader {
  openedAt: string;
  complaint: string;
  lines: DocumentLine[];
  /** What the customer signed: the walk-around (or its refusal) and the estimate approvals. */
  signatures: string[];
  promisedAt?: string | null;
}

export interface SettlementData extends DocumentHeader {
  number: string;
  settledAt: string;
  lines: DocumentLine[];
  totals: { label: string; fen: number }[];
  payments: { label: string; fen: number; reference?: string | null }[];
  invoice?: string | null;
  discountReason?: string | null;
  points: string;
  reversed?: string | null;
}

/** 12345 fen → "123.45". */
export const yuan = (fen: number): string => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

function start(font: { path: string; name: string }, title: string, h: DocumentHeader): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `${title} ${h.workOrderNumber}`, Author: h.storeName } });
  doc.registerFont('cjk', font.path, font.name);
  doc.font('cjk');
  doc.fontSize(16).text(h.storeName, { align: 'center' });
  if (h.storeAddress || h.storePhone) doc.fontSize(9).text([h.storeAddress, h.storePhone].filter(Boolean).join('  电话 '), { align: 'center' });
  doc.moveDown(0.5).fontSize(20).text(title, { align: 'center' }).moveDown(0.5);
  doc.fontSize(10);
  doc.text(`工单号：${h.workOrderNumber}    客户：${h.customerName}`);
  doc.text(`车牌：${h.plate}    车型：${h.model}    VIN：${h.vin}${h.mileageIn != null ? `    进厂里程：${h.mileageIn} km` : ''}`);
  return doc;
}

function table(doc: PDFKit.PDFDocument, lines: DocumentLine[]) {
  const x = doc.page.margins.left;
  const cols = [x, x + 30, x + 290, x + 350, x + 420];
  const row = (cells: string[]) => {
    const y = doc.y;
    cells.forEach((c, i) => doc.text(c, cols[i], y, { width: i === 1 ? 255 : 65, align: i >= 4 ? 'right' : 'left', lineBreak: i === 1 }));
    doc.x = x;
    doc.moveDown(0.3);
  };
  doc.moveDown(0.5);
  row(['序号', '项目', '类别', '付款方', '金额（元）']);
  doc.moveTo(x, doc.y).lineTo(doc.page.width - doc.page.margins.right, doc.y).stroke().moveDown(0.3);
  lines.forEach((l, i) => row([String(i + 1), l.description, l.kindLabel, l.payerLabel, yuan(l.amountFen)]));
  doc.moveTo(x, doc.y).lineTo(doc.page.width - doc.page.margins.right, doc.y).stroke().moveDown(0.5);
}

function finish(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** 维修委托书: the order, the customer's words, the approved lines and what the customer signed. */
export function renderRepairOrder(data: RepairOrderData, font = DEFAULT_CJK_FONT): Promise<Buffer> {
  const doc = start(font, '维修委托书', data);
  doc.text(`开单时间：${data.openedAt}${data.promisedAt ? `    预计交车：${data.promisedAt}` : ''}`);
  doc.moveDown(0.3).text(`客户描述：${data.complaint}`);
  table(doc, data.lines);
  doc.text(`已批准项目合计：${yuan(data.lines.reduce((s, l) => s + l.amountFen, 0))} 元（未税，只含客户已批准的项目）`);
  doc.moveDown(0.5);
  for (const s of data.signatures) doc.text(`客户签认：${s}`);
  return finish(doc);
}

/** 结算单: the approved lines, totals, payments, invoice and points. */
export function renderSettlement(data: SettlementData, font = DEFAULT_CJK_FONT): Promise<Buffer> {
  const doc = start(font, '结算单', data);
  doc.text(`结算单号：${data.number}    结算时间：${data.settledAt}`);
  if (data.reversed) doc.text(`已冲销：${data.reversed}`);
  table(doc, data.lines);
  for (const t of data.totals) doc.text(`${t.label}：${yuan(t.fen)} 元`);
  if (data.discountReason) doc.text(`优惠原因：${data.discountReason}`);
  doc.moveDown(0.3);
  for (const p of data.payments) doc.text(`支付 ${p.label}：${yuan(p.fen)} 元${p.reference ? `（${p.reference}）` : ''}`);
  doc.text(data.points);
  if (data.invoice) doc.text(`发票：${data.invoice}`);
  doc.moveDown(1).text('客户签字：______________    收银员：______________');
  return finish(doc);
}
