package io.progimage.oauth.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuthorizePageTest {

    @Test
    void everyHtmlSpecialCharacterIsEscaped() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;", AuthorizePage.escape("<script>alert('x')</script> & \"q\""));
    }
}
