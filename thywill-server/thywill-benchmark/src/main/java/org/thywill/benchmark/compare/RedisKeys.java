package org.thywill.benchmark.compare;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.api.sync.RedisCommands;

/** Removes what a two-node run left in Redis, so that runs leave no keys behind. */
public final class RedisKeys {

    private RedisKeys() {
    }

    /**
     * @param redis the Redis, such as {@code redis://127.0.0.1:6379}
     * @param prefix the run's key prefix
     */
    public static void delete(String redis, String prefix) {
        RedisClient client = RedisClient.create(redis);
        try (var connection = client.connect()) {
            RedisCommands<String, String> commands = connection.sync();
            ScanArgs matching = ScanArgs.Builder.matches(prefix + ":*").limit(500);
            KeyScanCursor<String> cursor = commands.scan(matching);
            while (true) {
                if (!cursor.getKeys().isEmpty()) {
                    commands.del(cursor.getKeys().toArray(new String[0]));
                }
                if (cursor.isFinished()) {
                    return;
                }
                cursor = commands.scan(cursor, matching);
            }
        } catch (RuntimeException e) {
            System.err.println("Could not remove the keys " + prefix + ":* from " + redis + ": " + e);
        } finally {
            client.shutdown();
        }
    }
}
