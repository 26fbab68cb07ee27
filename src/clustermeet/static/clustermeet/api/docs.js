// The API's docs page: Swagger UI (vendored) on the OpenAPI document; calls send the CSRF token
// so that "Try it out" works with the session for unsafe methods too.
const root = document.getElementById("swagger-ui");
const config = JSON.parse(document.getElementById("swagger-settings").textContent);
config.dom_id = "#swagger-ui";
config.presets = [SwaggerUIBundle.presets.apis];
config.requestInterceptor = (request) => {
  request.headers["X-CSRFToken"] = root.dataset.csrfToken;
  return request;
};
SwaggerUIBundle(config);
