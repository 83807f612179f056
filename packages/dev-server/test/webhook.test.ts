import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { parseChatDump } from '@natter/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  verifyWebhookSignature,
} from '../src/index';
import type { DevServer } from '../src/index';
import { API_KEY, TestClient, join, startServer, tempDir } from './testServer';

const WEBHOOK_SECRET = 'webhook-secret-for-tests';

interface Received {
  body: string;
  headers: IncomingHttpHeaders;
}

let dir: ReturnType<typeof tempDir>;
let receiver: Server;
let received: Received[];
let notify: () => void;
let server: DevServer | undefined;

beforeEach(async () => {
  dir = tempDir();
  received = [];
  notify = () => undefined;
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res.writeHead(204).end();
      notify();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await new Promise((resolve) => receiver.close(resolve));
  dir.remove();
});

function nextWebhook(): Promise<Received> {
  const count = received.length;
  return new Promise((resolve) => {
    notify = () => {
      if (received.length > count) resolve(received[count] as Received);
    };
  });
}

async function start(graceMs = 60_000): Promise<DevServer> {
  const { port } = receiver.address() as AddressInfo;
  server = await startServer(dir.path, {
    webhookUrl: `http://127.0.0.1:${port}/hooks/natter`,
    webhookSecret: WEBHOOK_SECRET,
    sessionGraceMs: graceMs,
  });
  return server;
}

describe('meeting.chatSynced', () => {
  it('is POSTed with a verifiable signature when a session is ended through the API', async () => {
    const dev = await start();
    const ada = await join(dev, 'retro', { name: 'Ada' });
    const { client } = await TestClient.join(dev.url, ada.token);
    await client.ok({ type: 'sendText', text: 'last words' });
    const arriving = nextWebhook();
    const end = await fetch(`${dev.url}/v1/sessions/${ada.sessionId}/end`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${API_KEY}` },
    });
    expect(end.status).toBe(200);
    expect((await client.closed).code).toBe(4410);
    const hook = await arriving;

    const timestamp = hook.headers[WEBHOOK_TIMESTAMP_HEADER] as string;
    const signature = hook.headers[WEBHOOK_SIGNATURE_HEADER] as string;
    const expected = createHmac('sha256', WEBHOOK_SECRET)
      .update(`${timestamp}.${hook.body}`)
      .digest('hex');
    expect(signature).toBe(`v1=${expected}`);
    expect(
      verifyWebhookSignature({ body: hook.body, timestamp, signature, secret: WEBHOOK_SECRET }),
    ).toBe(true);
    expect(
      verifyWebhookSignature({
        body: `${hook.body} `,
        timestamp,
        signature,
        secret: WEBHOOK_SECRET,
      }),
    ).toBe(false);
    expect(verifyWebhookSignature({ body: hook.body, timestamp, signature, secret: 'other' })).toBe(
      false,
    );

    const payload = JSON.parse(hook.body) as {
      event: string;
      meeting: Record<string, unknown>;
      chatDownloadUrl: string;
    };
    expect(payload).toMatchObject({
      event: 'meeting.chatSynced',
      meeting: { id: 'retro', sessionId: ada.sessionId, status: 'ENDED' },
    });
    const { messages } = await parseChatDump(await (await fetch(payload.chatDownloadUrl)).text());
    expect(messages.map((m) => m.type === 'text' && m.message)).toEqual(['last words']);

    const again = await fetch(`${dev.url}/v1/sessions/${ada.sessionId}/end`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${API_KEY}` },
    });
    expect(again.status).toBe(200);
    const rejoin = await join(dev, 'retro', { name: 'Ada' });
    expect(rejoin.sessionId).not.toBe(ada.sessionId);
  });

  it('is POSTed once the last participant has left and the grace period is over', async () => {
    const dev = await start(50);
    const ada = await join(dev, 'standup', { name: 'Ada' });
    const bob = await join(dev, 'standup', { name: 'Bob' });
    const a = (await TestClient.join(dev.url, ada.token)).client;
    const b = (await TestClient.join(dev.url, bob.token)).client;
    const arriving = nextWebhook();
    await a.close();
    await b.close();
    const hook = await arriving;
    expect(JSON.parse(hook.body)).toMatchObject({
      event: 'meeting.chatSynced',
      meeting: { sessionId: ada.sessionId },
    });
    expect(received).toHaveLength(1);
  });
});
