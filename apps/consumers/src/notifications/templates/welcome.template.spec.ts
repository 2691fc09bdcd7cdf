import { welcomeTemplate } from './welcome.template';

describe('the welcome template', () => {
  it("greets the user by name in both bodies, with the name escaped in the HTML one", () => {
    const mail = welcomeTemplate.render({ recipient: { name: 'Ada <b>&</b> "Bob"', email: 'ada@example.test' }, data: {} });

    expect(mail.subject).toBe('Welcome to Event Shop');
    expect(mail.text).toContain('Hello Ada <b>&</b> "Bob",');
    expect(mail.html).toContain('Hello Ada &lt;b&gt;&amp;&lt;/b&gt; &quot;Bob&quot;,');
    expect(mail.html).not.toContain('<b>');
  });
});
