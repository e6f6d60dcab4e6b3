package org.thywill.client.cometd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.thywill.api.push.Envelopes;

/** The service-channel check reads characters, and must agree with the name pattern it stands for. */
class ChannelPolicyTest {

    private static boolean byPattern(String channelId) {
        return channelId.startsWith(ChannelPolicy.SERVICE_PREFIX)
                && Envelopes.NAME.matcher(channelId.substring(ChannelPolicy.SERVICE_PREFIX.length())).matches();
    }

    @Test
    void agreesWithTheNamePatternOnChosenAndRandomChannels() {
        List<String> channels = new ArrayList<>(List.of(ChannelPolicy.SERVICE_PREFIX,
                ChannelPolicy.SERVICE_PREFIX + "chat", ChannelPolicy.SERVICE_PREFIX + "a",
                ChannelPolicy.SERVICE_PREFIX + "my-app_2.v1", ChannelPolicy.SERVICE_PREFIX + "-chat",
                ChannelPolicy.SERVICE_PREFIX + ".chat", ChannelPolicy.SERVICE_PREFIX + "chat/x",
                ChannelPolicy.SERVICE_PREFIX + "a".repeat(64), ChannelPolicy.SERVICE_PREFIX + "a".repeat(65),
                ChannelPolicy.SERVICE_PREFIX + "caf\u00e9", "/service/other/chat", "/thywill/chat"));
        Random random = new Random(42);
        String alphabet = "aZ09._-/ \u00e9*";
        for (int n = 0; n < 5000; n++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(70);
            for (int i = 0; i < length; i++) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            channels.add(ChannelPolicy.SERVICE_PREFIX + name);
        }
        for (String channel : channels) {
            assertEquals(byPattern(channel), ChannelPolicy.isApplicationService(channel), channel);
        }
    }
}
