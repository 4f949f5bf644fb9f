import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import type { AddressObject, ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export function firstAddress(to: AddressObject | AddressObject[] | undefined) {
  return (Array.isArray(to) ? to[0] : to)?.value[0];
}

/**
 * A real SMTP server on port 0 that parses every message it accepts. With `auth`, it requires that login
 * (and records who logged in); without, it accepts anyone.
 */
export async function startSmtpServer(opts: { auth?: { user: string; pass: string } } = {}) {
  const mails: ParsedMail[] = [];
  const logins: string[] = [];
  const server = new SMTPServer({
    logger: false,
    disabledCommands: opts.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: Boolean(opts.auth),
    onAuth(auth, _session, callback) {
      if (!opts.auth || auth.username !== opts.auth.user || auth.password !== opts.auth.pass) {
        return callback(new Error('sai thông tin đăng nhập'));
      }
      logins.push(auth.username!);
      callback(null, { user: auth.username });
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          callback();
        },
        (e: Error) => callback(e),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const credentials = opts.auth ? `${opts.auth.user}:${opts.auth.pass}@` : '';
  return {
    url: `smtp://${credentials}127.0.0.1:${port}`,
    mails,
    logins,
    mailTo: (address: string) => mails.filter((m) => firstAddress(m.to)?.address === address),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
