package io.progimage.it;

import io.progimage.client.ApiClient;
import io.progimage.client.api.AccountsApi;
import io.progimage.client.api.ImagesApi;
import io.progimage.client.api.OauthApi;
import io.progimage.client.model.Application;
import io.progimage.client.model.ApplicationRegistration;
import io.progimage.client.model.BulkUploadRequest;
import io.progimage.client.model.Image;
import io.progimage.client.model.ImageHash;
import io.progimage.client.model.ImageList;
import io.progimage.client.model.SignUp;
import io.progimage.client.model.TokenResponse;
import io.progimage.client.model.UploadImagesRequest;
import io.progimage.client.model.UploadRequest;
import io.progimage.client.model.UploadResponse;
import io.progimage.client.model.UploadedImage;
import io.progimage.client.model.User;
import io.progimage.it.OAuthClient.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java client openapi-generator makes from the OpenAPI document (web/pom.xml, the "native"
 * library) against the running service, as a client developer would use it: sign up, register an
 * application, exchange a code for a token, upload one image and a bulk, list, read one. Only the
 * sign-in itself goes through the test's form helper: that step is a browser page by design.
 */
@ExtendWith(Stack.class)
class GeneratedClientIT {

    @Test
    void aGeneratedClientSignsUpGetsATokenUploadsListsAndReads() throws Exception {
        String address = Api.randomClientAddress(); // this test's own per-IP rate-limit window (see Api.request)
        ApiClient anonymous = client(Map.of("X-Forwarded-For", address));
        String email = OAuthClient.uniqueEmail();
        User user = new AccountsApi(anonymous).signUp(new SignUp().name("SDK User").email(email).password(OAuthClient.PASSWORD));
        assertEquals(email, user.getEmail());

        String callback = Stack.baseUri().resolve("/sdk-callback").toString();
        Application app = new OauthApi(client(Map.of("X-Forwarded-For", address,
                "Authorization", OAuthClient.basic(email, OAuthClient.PASSWORD))))
                .registerApplication(new ApplicationRegistration().name("SDK").redirectUrl(URI.create(callback)));
        String code = OAuthClient.code(new Account(user.getId().toString(), email, app.getClientId(), app.getClientSecret(),
                callback), Map.of());
        TokenResponse token = new OauthApi(anonymous).createToken(code, "authorization_code", app.getClientId(),
                app.getClientSecret(), URI.create(callback), null, null);
        assertEquals(64, token.getAccessToken().length());

        ApiClient signedIn = client(Map.of("Authorization", "Bearer " + token.getAccessToken()));
        assertEquals(user.getId(), new AccountsApi(signedIn).getCurrentUser().getId());
        ImagesApi images = new ImagesApi(signedIn);

        String file = Base64.getEncoder().encodeToString(Uploads.testImage("chelsea-cat.bmp"));
        UploadResponse single = images.uploadImages(new UploadImagesRequest(new UploadRequest()
                .process(new ImageHash()._file(file).rotation(90).filter(ImageHash.FilterEnum.GOTHAM)))).getUploadResponse();
        UploadedImage uploaded = single.getData();
        assertEquals(UploadedImage.StatusEnum.READY, uploaded.getStatus());
        assertTrue(uploaded.getFile().getThumb().getUrl().contains("/thumb_"), uploaded.getFile().getThumb().getUrl());

        List<Image> queued = images.uploadImages(new UploadImagesRequest(new BulkUploadRequest().process(List.of(
                new ImageHash().imageId(uploaded.getId()).quality(50),
                new ImageHash().imageId(uploaded.getId()).roundCorners(20))))).getBulkResponse().getData();
        assertEquals(2, queued.size());
        queued.forEach(image -> assertNotNull(image.getStatus()));

        ImageList page = images.listImages(10, 0);
        assertEquals(3L, page.getMeta().getTotal());
        // newest first: the bulk's two (one instant, so in id order, API.md §5.2), then the single upload
        assertEquals(java.util.Set.of(queued.get(0).getId(), queued.get(1).getId()),
                java.util.Set.of(page.getData().get(0).getId(), page.getData().get(1).getId()));
        assertEquals(uploaded.getId(), page.getData().get(2).getId());
        Image one = images.getImage(uploaded.getId()).getData();
        assertEquals(Image.StatusEnum.READY, one.getStatus());
        assertEquals(uploaded.getWidth(), one.getWidth());
        assertTrue(one.getSecureUrl().toString().startsWith("https://"), one.getSecureUrl().toString());
    }

    private static ApiClient client(Map<String, String> headers) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(Stack.baseUri().toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> headers.forEach(request::header));
        return client;
    }
}
