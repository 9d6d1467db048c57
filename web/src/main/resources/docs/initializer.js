// ProgImage's interactive documentation: Swagger UI over the service's own OpenAPI document.
// "Authorize" runs the real authorization-code flow (with PKCE) against /oauth/authorize; register
// an application whose redirect_url is this server's /docs/oauth2-redirect.html to use it.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
    oauth2RedirectUrl: window.location.origin + '/docs/oauth2-redirect.html'
  });
  window.ui.initOAuth({ usePkceWithAuthorizationCodeGrant: true, scopes: 'api' });
};
