/**
 * A sender that dies mid-DATA: EHLO, MAIL, RCPT, DATA, then the header and half the body, and
 * `cut` on stdout; it then waits to be killed (SIGKILL) with the final dot never sent.
 * Usage: node --import tsx halfMessageClient.ts <port> <message-id> <recipient>
 */
import { connect } from 'node:net';

const [port, messageId, recipient] = process.argv.slice(2);
if (!port || !messageId || !recipient) throw new Error('usage: <port> <message-id> <recipient>');

const socket = connect(Number(port), '127.0.0.1');
const commands = [
  'EHLO afgebroken.localhost',
  'MAIL FROM:<nieuws@bakkerij.nl>',
  `RCPT TO:<${recipient}>`,
  'DATA',
];
let received = '';
let answered = 0;
socket.on('data', (chunk: Buffer) => {
  received += chunk.toString('latin1');
  // One final reply line per step (EHLO's is several lines; its last has a space after the code).
  const replies = received.split('\r\n').filter((line) => /^\d{3} /.test(line));
  for (; answered < replies.length; answered += 1) {
    const next = commands[answered];
    if (next) socket.write(`${next}\r\n`);
    else if (replies[answered]!.startsWith('354')) sendHalf();
    else throw new Error(`refused: ${replies[answered]}`);
  }
});

function sendHalf(): void {
  const body = Array.from({ length: 2000 }, (_, i) => `Regel ${i} van een nieuwsbrief.`);
  socket.write(
    [
      'From: Bakkerij Jansen <nieuws@bakkerij.nl>',
      `To: <${recipient}>`,
      'Subject: Afgebroken midden in DATA',
      `Message-ID: ${messageId}`,
      '',
      ...body.slice(0, 1000),
      '',
    ].join('\r\n'),
    () => process.stdout.write('cut\n'),
  );
}
