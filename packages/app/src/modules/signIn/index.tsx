import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/**
 * Signs everyone in as the guest user (app-config `auth.providers.guest`), without asking: the
 * dev app needs no identity provider. Replaces the app's default sign-in page (`sign-in-page:app`).
 */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: {
        loader: async () => {
          const { SignInPage } = await import('@backstage/core-components');
          return props => <SignInPage {...props} auto providers={['guest']} />;
        },
      },
    }),
  ],
});
