namespace DeclarativeScrape;

/// <summary>Time limits of one request attempt. Every value must be positive.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class TimeoutsAttribute : Attribute
{
    /// <summary>The whole attempt, from sending the request to the last byte of the body, in seconds.</summary>
    public double RequestSeconds { get; set; } = TimeoutOptions.DefaultRequestSeconds;

    /// <summary>The longest pause between two received chunks of the body, in seconds: a stalled body is cut off after this.</summary>
    public double ReadIdleSeconds { get; set; } = TimeoutOptions.DefaultReadIdleSeconds;

    /// <summary>Establishing the TCP (and TLS) connection, in seconds.</summary>
    public double ConnectSeconds { get; set; } = TimeoutOptions.DefaultConnectSeconds;
}
