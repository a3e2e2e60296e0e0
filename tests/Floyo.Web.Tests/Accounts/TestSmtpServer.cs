using System.Buffers;
using System.Net;
using System.Threading.Channels;
using Floyo.Testing;
using MimeKit;
using SmtpServer;
using SmtpServer.Storage;
using SmtpResponse = SmtpServer.Protocol.SmtpResponse;

namespace Floyo.Web.Tests.Accounts;

/// <summary>
/// A real SMTP server on 127.0.0.1 inside the test process (the SmtpServer package). Every message it accepts is parsed
/// with MimeKit and can be awaited by recipient. <see cref="RefuseNext"/> makes it reject the next messages with a
/// transient failure, so senders' retries can be observed.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly Channel<MimeMessage> received = Channel.CreateUnbounded<MimeMessage>();
    private readonly List<MimeMessage> inbox = [];
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;
    private int refusals;

    public TestSmtpServer()
    {
        Port = FreePort.Next();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    public int Port { get; }

    /// <summary>How many delivery attempts were refused so far.</summary>
    public int Refused { get; private set; }

    /// <summary>Refuses the next <paramref name="count"/> messages with "451 try again later".</summary>
    public void RefuseNext(int count) => Interlocked.Exchange(ref refusals, count);

    /// <summary>Waits for the next message to <paramref name="address"/> (earlier ones to it included, in order, each once).</summary>
    public async Task<MimeMessage> WaitForMessageAsync(string address, TimeSpan? timeout = null)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            lock (gate)
            {
                var match = inbox.Find(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase)));
                if (match is not null)
                {
                    inbox.Remove(match);
                    return match;
                }
            }

            await received.Reader.WaitToReadAsync(cancel.Token);
            while (received.Reader.TryRead(out var message))
            {
                lock (gate)
                {
                    inbox.Add(message);
                }
            }
        }
    }

    /// <summary>The messages received for <paramref name="address"/> and not yet taken by <see cref="WaitForMessageAsync"/>.</summary>
    public int Pending(string address)
    {
        while (received.Reader.TryRead(out var message))
        {
            lock (gate)
            {
                inbox.Add(message);
            }
        }

        lock (gate)
        {
            return inbox.Count(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        stop.Dispose();
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref server.refusals) >= 0)
            {
                server.Refused++;
                return new SmtpResponse(SmtpServer.Protocol.SmtpReplyCode.MailboxUnavailable, "try again later");
            }

            Interlocked.Exchange(ref server.refusals, 0);
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            await server.received.Writer.WriteAsync(message, cancellationToken);
            return SmtpResponse.Ok;
        }
    }
}
