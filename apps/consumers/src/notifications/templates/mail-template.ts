/** What a template may use. Later templates that need more (an order's lines) extend this. */
export interface TemplateContext {
  recipient: { name: string; email: string };
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** One email template; `name` is the `deliveries.template` value that selects it. */
export interface MailTemplate {
  readonly name: string;
  render(context: TemplateContext): RenderedMail;
}
