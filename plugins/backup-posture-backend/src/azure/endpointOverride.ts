import { createDefaultHttpClient, HttpClient } from '@azure/core-rest-pipeline';

/**
 * An HTTP client that sends `https://<host>/<path>` to `<endpoint>/<host>/<path>`: one loopback
 * endpoint serves Entra ID, ARM and every Key Vault, like the AWS endpoint override. It sits at the
 * end of the pipeline, after the auth policies, so the Key Vault challenge still sees the real
 * vault host and tokens are requested for the real audiences.
 */
export function endpointOverrideHttpClient(endpoint: string): HttpClient {
  const base = createDefaultHttpClient();
  const prefix = endpoint.replace(/\/+$/, '');
  return {
    async sendRequest(request) {
      const original = request.url;
      const url = new URL(original);
      request.url = `${prefix}/${url.host}${url.pathname}${url.search}`;
      request.allowInsecureConnection = prefix.startsWith('http://');
      try {
        return await base.sendRequest(request);
      } finally {
        // The retry policy re-sends the same request object: give it back its real URL.
        request.url = original;
      }
    },
  };
}
