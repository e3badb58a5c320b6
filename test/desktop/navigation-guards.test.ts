import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from '../../main/external-url.ts';
import { isAllowedNavigation, originOf, withLaunchSecret } from '../../main/renderer-origin.ts';
import { LAUNCH_SECRET_HEADER } from '../../server/protocol/index.ts';

const EMBEDDED = 'http://127.0.0.1:43121';

describe('external links, in-window navigation and the launch-secret header', () => {
  it('opens only https links without credentials in the OS browser', () => {
    expect(isSafeExternalUrl('https://syncode.dev/docs?x=1')).toBe(true);
    for (const url of [
      'http://syncode.dev',
      'http://127.0.0.1:3000',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'syncode://join/ABC234',
      'https://user:pass@syncode.dev',
      'not a url',
      `https://x.dev/${'a'.repeat(3000)}`,
      null,
    ]) {
      expect(isSafeExternalUrl(url), String(url).slice(0, 40)).toBe(false);
    }
  });

  it('lets the window navigate only within the renderer origin', () => {
    expect(isAllowedNavigation(`${EMBEDDED}/room/abc`, EMBEDDED)).toBe(true);
    expect(isAllowedNavigation('http://127.0.0.1:9999/', EMBEDDED)).toBe(false);
    expect(isAllowedNavigation('https://evil.example/', EMBEDDED)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', EMBEDDED)).toBe(false);
    expect(isAllowedNavigation(`${EMBEDDED}/`, null)).toBe(false);
  });

  it('adds the secret to requests and WebSocket upgrades for the embedded origin only', () => {
    const base = { Accept: '*/*' };
    expect(withLaunchSecret(`${EMBEDDED}/v1/health`, base, EMBEDDED, 's3cret')).toEqual({ ...base, [LAUNCH_SECRET_HEADER]: 's3cret' });
    expect(withLaunchSecret('ws://127.0.0.1:43121/collab/r/code', base, EMBEDDED, 's3cret')[LAUNCH_SECRET_HEADER]).toBe('s3cret');
    for (const url of ['https://rooms.example.com/v1/health', 'ws://127.0.0.1:43122/collab', 'http://localhost:43121/', 'data:,x']) {
      expect(withLaunchSecret(url, base, EMBEDDED, 's3cret'), url).toEqual(base);
    }
    expect(withLaunchSecret(`${EMBEDDED}/`, base, null, 's3cret')).toEqual(base);
    expect(originOf('wss://rooms.example.com/collab')).toBe('https://rooms.example.com');
  });
});
