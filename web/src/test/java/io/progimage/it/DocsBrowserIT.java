package io.progimage.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The interactive documentation at /docs in a real browser: the operations render from
 * /openapi, "Authorize" runs the real authorization-code flow with PKCE through our sign-in page
 * in Swagger UI's pop-up, and "Try it out" then calls GET /user with the token it got.
 */
@ExtendWith(Stack.class)
class DocsBrowserIT {

    @Test
    void theDocsRenderAuthorizeThroughTheSignInPageAndTryOutGetUser() throws Exception {
        String email = OAuthClient.uniqueEmail();
        OAuthClient.signUp("Docs Reader", email, OAuthClient.PASSWORD);
        String redirect = Stack.baseUri().resolve("/docs/oauth2-redirect.html").toString();
        var app = OAuthClient.registerApplication(email, OAuthClient.PASSWORD, "Docs", redirect).json();

        Path work = Files.createDirectories(Path.of(System.getProperty("progimage.it.work", "target/it")));
        WebDriver browser = Chromium.start(Files.createDirectories(work.resolve("chromium-docs")));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1600));
            browser.get(Stack.baseUri().resolve("/docs").toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("operations-accounts-getCurrentUser")));
            List<WebElement> operations = browser.findElements(By.cssSelector(".opblock"));
            assertEquals(15, operations.size(), "one block per operation of the document");
            assertRendered(((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES), work.resolve("docs.png"));

            browser.findElement(By.cssSelector("button.btn.authorize")).click();
            browser.findElement(By.id("client_id_authorizationCode")).sendKeys(app.getString("client_id"));
            browser.findElement(By.id("client_secret_authorizationCode")).sendKeys(app.getString("client_secret"));
            String docs = browser.getWindowHandle();
            browser.findElement(By.cssSelector("button[aria-label='Apply given OAuth2 credentials']")).click();
            wait.until(ExpectedConditions.numberOfWindowsToBe(2));
            browser.switchTo().window(browser.getWindowHandles().stream().filter(h -> !h.equals(docs)).findFirst().orElseThrow());
            assertTrue(browser.getTitle().contains("Docs"), browser.getTitle()); // our sign-in page, for this application
            browser.findElement(By.name("email")).sendKeys(email);
            browser.findElement(By.name("password")).sendKeys(OAuthClient.PASSWORD);
            browser.findElement(By.cssSelector("button[value=allow]")).click();
            wait.until(ExpectedConditions.numberOfWindowsToBe(1)); // the redirect page hands the code back and closes
            browser.switchTo().window(docs);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[aria-label='Remove authorization']")));
            browser.findElement(By.cssSelector(".btn-done")).click();

            WebElement me = browser.findElement(By.id("operations-accounts-getCurrentUser"));
            me.findElement(By.cssSelector(".opblock-summary")).click();
            wait.until(ExpectedConditions.elementToBeClickable(me.findElement(By.cssSelector(".try-out__btn")))).click();
            me.findElement(By.cssSelector(".execute")).click();
            WebElement status = wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(me,
                    By.cssSelector(".live-responses-table tbody .response-col_status"))).get(0);
            assertEquals("200", status.getText().trim());
            String body = me.findElement(By.cssSelector(".live-responses-table tbody .response-col_description")).getText();
            assertTrue(body.contains("\"email\": \"" + email + "\""), body);
        } finally {
            browser.quit();
        }
    }

    /**
     * The screenshot shows the operations, not a blank page or an error: Swagger UI's badges of
     * the three methods the document has (GET blue, POST green, DELETE red) are all on it.
     */
    private static void assertRendered(byte[] png, Path file) throws Exception {
        Files.write(file, png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] badges = {0x61affe, 0x49cc90, 0xf93e3e};
        int[] found = new int[badges.length];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                for (int i = 0; i < badges.length; i++) {
                    found[i] += near(rgb, badges[i]) ? 1 : 0;
                }
            }
        }
        for (int i = 0; i < badges.length; i++) {
            assertTrue(found[i] > 500, String.format("pixels of the badge colour #%06x in %s: %d", badges[i], file, found[i]));
        }
    }

    private static boolean near(int rgb, int colour) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xff) - ((colour >> shift) & 0xff)) > 8) {
                return false;
            }
        }
        return true;
    }
}
