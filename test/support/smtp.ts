/**
 * A real SMTP server on 127.0.0.1 for the tests (smtp-server), keeping what it receives parsed by
 * mailparser, with a `respond` hook to refuse, delay or cut off messages as a misbehaving server would.
 */
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface Received {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  mail: ParsedMail;
  messageId: string;
  user: string | undefined;
}

/** What the server answers to a message: accept it, refuse it with a code, or drop the connection. */
export type Answer = 'accept' | 'drop' | { code: number; message: string };

export interface SmtpSink {
  port: number;
  url: string;
  received: Received[];
  /** Called for every message (attempt counts every message the server saw, accepted or not). */
  respond: (message: { attempt: number; raw: Buffer; messageId: string }) => Answer | Promise<Answer>;
  /** Called once a message has been accepted and recorded, before the reply goes out. */
  onAccepted?: (message: Received) => void | Promise<void>;
  attempts: number;
  /** The user names of every AUTH the server received (in clear text: it offers no STARTTLS). */
  logins: string[];
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  let server: SMTPServer | undefined;
  const sink: SmtpSink = {
    port,
    url: '',
    received: [],
    respond: () => 'accept',
    attempts: 0,
    logins: [],
    async stop() {
      const current = server;
      server = undefined;
      if (!current) return;
      for (const connection of (current as unknown as { connections: Set<{ _socket?: { destroy(): void } }> }).connections) connection._socket?.destroy();
      await new Promise<void>((resolve) => current.close(() => resolve()));
    },
    async start() {
      server = new SMTPServer({
        authOptional: true,
        allowInsecureAuth: true,
        disabledCommands: ['STARTTLS'],
        disableReverseLookup: true,
        logger: false,
        onAuth: (auth, _session, callback) => {
          sink.logins.push(auth.username ?? '');
          callback(null, { user: auth.username });
        },
        onData: (stream, session: SMTPServerSession, callback) => {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', async () => {
            const raw = Buffer.concat(chunks);
            sink.attempts += 1;
            const messageId = /^Message-ID:\s*(\S+)/im.exec(raw.toString('utf8'))?.[1] ?? '';
            const answer = await sink.respond({ attempt: sink.attempts, raw, messageId });
            if (answer === 'drop') {
              const connections = (server as unknown as { connections: Set<{ session?: { id: string }; _socket?: { destroy(): void } }> }).connections;
              for (const connection of connections) if (connection.session?.id === session.id) connection._socket?.destroy();
              return;
            }
            if (answer !== 'accept') return callback(Object.assign(new Error(answer.message), { responseCode: answer.code }));
            const received: Received = {
              envelope: { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) },
              raw,
              mail: await simpleParser(raw),
              messageId,
              user: session.user as string | undefined,
            };
            sink.received.push(received);
            await sink.onAccepted?.(received);
            callback(null, `Ok: queued as ${sink.received.length}`);
          });
        },
      });
      await new Promise<void>((resolve, reject) => {
        server?.once('error', reject);
        server?.listen(sink.port, '127.0.0.1', () => resolve());
      });
      const address = (server as unknown as { server: { address(): { port: number } } }).server.address();
      sink.port = address.port;
      sink.url = `smtp://127.0.0.1:${sink.port}`;
    },
  };
  await sink.start();
  return sink;
}
