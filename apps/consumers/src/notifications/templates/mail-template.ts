/**
 * Fields of the event a template needs besides the recipient, stored with the delivery
 * (`deliveries.data`): the dispatcher renders after the event's transaction, from the row alone.
 */
export interface DeliveryData {
  orderId?: string;
  /** OrderConfirmed's total, PaymentFailed's and PaymentRefunded's amount: integer cents. */
  amountCents?: number;
  /** OrderCancelled's reason, PaymentFailed's reason: the contracts' enum values. */
  reason?: string;
}

/** What a template may use. */
export interface TemplateContext {
  recipient: { name: string; email: string };
  data: DeliveryData;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** One email template; `name` is the `deliveries.template` value that selects it. */
export interface MailTemplate {
  readonly name: string;
  /** Throws TemplateDataError when `data` lacks what it needs (retrying cannot help then). */
  render(context: TemplateContext): RenderedMail;
}

export class TemplateDataError extends Error {
  readonly code = 'TEMPLATE_DATA_MISSING';
  constructor(template: string, field: string) {
    super(`${template} needs data.${field}`);
    this.name = 'TemplateDataError';
  }
}

/** `data[field]`, or TemplateDataError when it is absent. */
export const required = <K extends keyof DeliveryData>(template: string, data: DeliveryData, field: K): NonNullable<DeliveryData[K]> => {
  const value = data[field];
  if (value === undefined || value === null) throw new TemplateDataError(template, field);
  return value as NonNullable<DeliveryData[K]>;
};
