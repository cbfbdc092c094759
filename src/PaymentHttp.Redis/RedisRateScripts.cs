namespace PaymentHttp.Redis;

/// <summary>
/// The two Lua scripts, each one round trip. Times are microseconds on the Redis server's clock (<c>TIME</c>), never
/// an instance's, so instances with skewed clocks still share one bucket. One hash per budget key:
/// <c>c</c> = credit in microseconds (one permit = one permit interval), <c>u</c> = last update, <c>p</c> = paused until.
/// Integers are written with <c>%d</c> because Lua's default number format would round them.
/// </summary>
internal static class RedisRateScripts
{
    /// <summary>
    /// KEYS[1] = the hash; ARGV[1] = permit interval (µs), ARGV[2] = burst.
    /// Returns {granted (1|0), wait µs, reason (0 granted, 1 budget, 2 paused)}. The pause check is in the same trip.
    /// </summary>
    public const string Acquire = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local s = redis.call('HMGET', KEYS[1], 'c', 'u', 'p')
        local paused = tonumber(s[3]) or 0
        if paused > now then
          return {0, paused - now, 2}
        end
        local interval = tonumber(ARGV[1])
        local capacity = interval * tonumber(ARGV[2])
        local credit = math.min(tonumber(s[1]) or capacity, capacity)
        local updated = tonumber(s[2]) or now
        if now > updated then
          credit = math.min(capacity, credit + (now - updated))
        end
        local granted = 0
        local wait = 0
        if credit >= interval then
          credit = credit - interval
          granted = 1
        else
          wait = interval - credit
        end
        redis.call('HSET', KEYS[1], 'c', string.format('%d', credit), 'u', string.format('%d', now))
        redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / 1000) + 1000)
        if granted == 1 then
          return {1, 0, 0}
        end
        return {0, wait, 1}
        """;

    /// <summary>KEYS[1] = the hash; ARGV[1] = pause (µs). Extends the pause, never shortens it.</summary>
    public const string Pause = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local untilv = now + tonumber(ARGV[1])
        local current = tonumber(redis.call('HGET', KEYS[1], 'p')) or 0
        if untilv > current then
          redis.call('HSET', KEYS[1], 'p', string.format('%d', untilv))
          local ttl = redis.call('PTTL', KEYS[1])
          local wanted = math.ceil((untilv - now) / 1000) + 1000
          if ttl < wanted then
            redis.call('PEXPIRE', KEYS[1], wanted)
          end
        end
        return 1
        """;
}
