// A local SMTP sink for the mail benchmark, in a process of its own so it does not share the sender's CPU
// thread: accepts everything, counts messages, prints its port on stdout.
import { SMTPServer } from 'smtp-server';

let received = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  disableReverseLookup: true,
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      received += 1;
      callback(null, `Ok: ${received}`);
    });
  },
});
server.listen(0, '127.0.0.1', () => console.log(server.server.address().port));
process.on('message', (message) => {
  if (message === 'count') process.send(received);
});
