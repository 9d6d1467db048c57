package io.progimage.it;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Locale;

/**
 * Checks every reply the suite gets through {@link Api} against the OpenAPI document the node
 * serves (/openapi): status, headers and body against the operation's schema. Answers to paths
 * and methods the document does not have (the hostile spellings of PathSpellingsIT, a PUT that
 * must be a 405, CORS preflights, which API.md §8 answers on every path) have no operation to
 * compare with; everything else must match.
 */
final class ApiContract {

    private static volatile OpenApiInteractionValidator validator;

    private ApiContract() {
    }

    static void check(HttpResponse<String> response) {
        URI uri = response.request().uri();
        if (uri.getPath().equals("/openapi") || uri.getPath().startsWith("/health") || uri.getPath().startsWith("/metrics")
                || uri.getPath().startsWith("/docs")) {
            return; // the platform's own endpoints, not the API's
        }
        SimpleResponse.Builder reply = SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
        response.headers().map().forEach((name, values) -> values.forEach(value -> reply.withHeader(name, value)));
        Request.Method method = Request.Method.valueOf(response.request().method().toUpperCase(Locale.ROOT));
        ValidationReport report = validator().validateResponse(uri.getRawPath(), method, reply.build());
        if (report.hasErrors()) {
            throw new AssertionError("the reply to " + method + " " + uri.getRawPath() + " (" + response.statusCode()
                    + ") is not what /openapi promises:\n" + report.getMessages() + "\nbody: " + response.body());
        }
    }

    private static OpenApiInteractionValidator validator() {
        if (validator == null) {
            synchronized (ApiContract.class) {
                if (validator == null) {
                    validator = OpenApiInteractionValidator
                            .createForSpecificationUrl(Stack.baseUri().resolve("/openapi").toString())
                            .withLevelResolver(LevelResolver.create()
                                    .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                                    .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                                    .build())
                            .build();
                }
            }
        }
        return validator;
    }
}
