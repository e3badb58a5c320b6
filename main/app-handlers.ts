// Every IPC channel of preload/api.ts mapped to the plain services behind it, with each argument
// validated first. Pure wiring: main.ts builds the services, registerIpcHandlers adds the sender check.
import type { AppInfo, EmbeddedServerStatus } from '../preload/api.ts';
import { AppError } from '../server/protocol/index.ts';
import type { AiSettingsService } from './ai-settings/ai-settings-service.ts';
import { detectLocalAiServers } from './ai-settings/provider-probe.ts';
import type { IpcHandlers } from './ipc-handlers.ts';
import { isSafeExternalUrl } from './external-url.ts';
import {
  parseArg,
  zAiSettingsInput,
  zApiKey,
  zDocKey,
  zHistoryKey,
  zHistorySession,
  zHistoryValue,
  zProfileId,
  zProviderUrl,
  zRecentRoom,
  zServerUrl,
  zSession,
  zUpdate,
} from './ipc-validation.ts';
import type { LocalStore } from './local-store/local-store.ts';
import type { ProfileService } from './profiles/profile-service.ts';
import { saveReportPdf, type ReportPdfDeps } from './report-pdf.ts';

export interface AppServices {
  appInfo: AppInfo;
  /** Opens a validated https URL in the OS browser. */
  openInBrowser: (url: string) => void;
  serverStatus: () => EmbeddedServerStatus;
  profiles: ProfileService;
  store: LocalStore;
  reportPdf: ReportPdfDeps;
  ai: AiSettingsService;
}

export function createIpcHandlers(s: AppServices): IpcHandlers {
  return {
    'app:info': () => s.appInfo,
    'shell:open-external': (url) => {
      if (!isSafeExternalUrl(url)) throw new AppError('VALIDATION_FAILED', 'Only https links open outside the app.');
      s.openInBrowser(url);
    },
    'server:status': () => s.serverStatus(),
    'profiles:list': () => s.profiles.list(),
    'profiles:active': () => s.profiles.active(),
    'profiles:add-hosted': (baseUrl) => s.profiles.addHosted(parseArg(zServerUrl, baseUrl, 'baseUrl')),
    'profiles:switch': (id) => s.profiles.switchTo(parseArg(zProfileId, id, 'profileId')),
    'profiles:remove': (id) => s.profiles.remove(parseArg(zProfileId, id, 'profileId')),
    'auth:save': (id, session) =>
      s.profiles.saveSession(parseArg(zProfileId, id, 'profileId'), parseArg(zSession, session, 'session')),
    'auth:clear': (id) => s.profiles.clearSession(parseArg(zProfileId, id, 'profileId')),
    'store:load': (key) => s.store.load(parseArg(zDocKey, key, 'key')),
    'store:append': (key, update) => s.store.append(parseArg(zDocKey, key, 'key'), parseArg(zUpdate, update, 'update')),
    'store:clear': (key) => s.store.clear(parseArg(zDocKey, key, 'key')),
    'recent:list': () => s.store.listRecentRooms(),
    'recent:add': (room) => s.store.addRecentRoom(parseArg(zRecentRoom, room, 'room')),
    'report:save-pdf': (report) => saveReportPdf(report, s.reportPdf),
    'history:put': (key, value) => s.store.putHistory(parseArg(zHistoryKey, key, 'key'), parseArg(zHistoryValue, value, 'value')),
    'history:get': (key) => s.store.getHistory(parseArg(zHistoryKey, key, 'key')),
    'history:forget': (session) => s.store.forgetHistory(parseArg(zHistorySession, session, 'session')),
    'ai:settings': () => s.ai.view(),
    'ai:save': (input) => s.ai.save(parseArg(zAiSettingsInput, input, 'input')),
    'ai:clear': () => s.ai.clear(),
    'ai:list-models': (baseUrl, apiKey) =>
      s.ai.listModels(parseArg(zProviderUrl, baseUrl, 'baseUrl'), apiKey === undefined ? undefined : parseArg(zApiKey, apiKey, 'apiKey')),
    'ai:detect-local': () => detectLocalAiServers(),
  };
}
