import { defineSettings, textSetting, urlSetting } from '../runtime/config/settings';

/** What the command line (`npm run loyalty`, `npm run token`) and the test tooling read. */
export const toolSettings = defineSettings({
  title: 'Command line and tests',
  services: ['tools'],
  settings: {
    gatewayUrl: urlSetting('GATEWAY_URL', {
      default: 'http://127.0.0.1:4000/graphql',
      description: 'the gateway `npm run loyalty -- purchase`, `watch` and `seed` talk to',
    }),
    chromiumPath: textSetting('CHROMIUM_PATH', {
      defaultText: '`chromium` on `PATH`',
      description: "the browser the browser test drives (Debian's Chromium)",
    }),
  },
});
