/** The Hub deadline against a real loopback server that accepts connections and never answers. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchWithResponseTimeout, HubTimeoutError } from '../../src/embedding/hub-fetch.js';

let silent: Server;
let baseUrl: string;

beforeAll(async () => {
  silent = createServer((request) => {
    if (request.url === '/ok') request.socket.end('HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok');
    // Any other path: hold the connection open and say nothing, like a firewall that swallows packets.
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});

afterAll(async () => {
  silent.closeAllConnections();
  await new Promise((resolve) => silent.close(resolve));
});

describe('fetchWithResponseTimeout', () => {
  it('gives up with HubTimeoutError when the server never answers', async () => {
    await expect(fetchWithResponseTimeout(200)(`${baseUrl}/model.onnx`)).rejects.toBeInstanceOf(HubTimeoutError);
  });

  it('passes a prompt answer through untouched', async () => {
    const response = await fetchWithResponseTimeout(5_000)(`${baseUrl}/ok`);
    expect(await response.text()).toBe('ok');
  });
});
