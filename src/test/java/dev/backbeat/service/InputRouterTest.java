package dev.backbeat.service;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InputRouterTest {

    private final InputRouter router = new InputRouter();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            export | EXPORT
            Export | EXPORT
            please export it as mp4 | EXPORT
            导出 | EXPORT
            帮我导出视频 | EXPORT
            download | EXPORT
            can I download the result? | EXPORT
            send me the video | EXPORT
            Send me the video please | EXPORT
            save the video | EXPORT
            credits | CREDITS
            how many credits do I have | CREDITS
            积分 | CREDITS
            balance | CREDITS
            what's my balance? | CREDITS
            余额 | CREDITS
            查询余额 | CREDITS
            status | STATE
            状态 | STATE
            show tracks | STATE
            show me the timeline | STATE
            what's the status? | STATE
            upload | UPLOAD
            上传 | UPLOAD
            I want to upload another clip | UPLOAD
            upbeat lo-fi | CHAT
            calmer in the middle | CHAT
            add the title 'Urban Dreams' for 3 s | CHAT
            generate background music that matches the mood and pacing of my video | CHAT
            balance the music and the voice | CHAT
            the music is too loud, balance it with my voice | CHAT
            add end credits with soft piano | CHAT
            make the opening credits epic | CHAT
            don't export yet, make it calmer | CHAT
            do not download anything, add strings | CHAT
            先别导出，音乐更激昂一点 | CHAT
            从10秒开始更激昂 | CHAT
            '' | CHAT
            make it calmer, then export | EXPORT
            """)
    void routes(String message, String expected) {
        Intent want = Intent.valueOf(expected);
        assertEquals(want, router.route(message));
    }

    @org.junit.jupiter.api.Test
    void nullIsChat() {
        assertEquals(Intent.CHAT, router.route(null));
    }
}
