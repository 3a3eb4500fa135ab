using System.Text;
using Microsoft.Data.Sqlite;

namespace DeclarativeScrape.Tests;

/// <summary>The output file of a run with a state directory: a projection of the committed items, repaired on open.</summary>
public sealed class StateOutputTests : IDisposable
{
    private readonly StateFixture _state = new();

    public void Dispose() => _state.Dispose();

    /// <summary>A run that commits <paramref name="count"/> pages with one item each and ends cleanly.</summary>
    private async Task<List<string>> CommitItemsAsync(string output, int count, int from = 0)
    {
        await using var store = _state.Open(output);
        await store.AdmitAsync(Enumerable.Range(from, count).Select(i => StateFixture.Candidate($"http://a.example/{i}")).ToList(), CancellationToken.None);
        var leases = await _state.DrainAsync(store, "a.example");
        return [.. leases.Select(Line)];
    }

    private static string Line(FrontierLease lease) => $"{{\"title\":\"Item {lease.Url.AbsolutePath}\",\"price\":1.5,\"url\":\"{lease.Url.AbsoluteUri}\"}}";

    private static string[] Lines(string path) => File.ReadAllText(path).Split('\n')[..^1];

    [Fact]
    public async Task The_file_holds_the_committed_items_in_commit_order()
    {
        var output = _state.Output();

        var expected = await CommitItemsAsync(output, 5);

        Lines(output).ShouldBe(expected);
        File.ReadAllText(output).ShouldEndWith("\n");
    }

    [Fact]
    public async Task A_torn_last_line_is_cut_on_resume()
    {
        var output = _state.Output();
        var expected = await CommitItemsAsync(output, 3);
        File.AppendAllText(output, "{\"title\":\"Item /9\",\"pri");   // the process died in the middle of a write

        await using (_state.Open(output))
        {
        }

        Lines(output).ShouldBe(expected);
    }

    [Fact]
    public async Task Lines_written_after_the_last_recorded_mark_are_dropped_on_resume()
    {
        var output = _state.Output();
        var expected = await CommitItemsAsync(output, 3);
        File.AppendAllText(output, "{\"title\":\"never committed\",\"price\":1,\"url\":\"http://a.example/x\"}\n");

        await using (_state.Open(output))
        {
        }

        Lines(output).ShouldBe(expected);
    }

    [Fact]
    public async Task Committed_items_missing_from_the_file_are_appended_on_resume()
    {
        var output = _state.Output();
        var expected = await CommitItemsAsync(output, 4);

        // The process died after committing the last two items but before their bytes reached the file and its mark
        // was recorded: set the mark back to two items and cut the file there.
        var twoLines = Encoding.UTF8.GetByteCount(string.Concat(expected.Take(2).Select(l => l + "\n")));
        SetMark(seq: 2, length: twoLines);
        using (var file = new FileStream(output, FileMode.Open))
        {
            file.SetLength(twoLines);
        }

        await using (_state.Open(output))
        {
        }

        Lines(output).ShouldBe(expected);
    }

    [Fact]
    public async Task A_missing_or_different_output_file_is_written_whole_from_the_state()
    {
        var output = _state.Output();
        var expected = await CommitItemsAsync(output, 3);
        File.Delete(output);

        await using (_state.Open(output))
        {
        }

        Lines(output).ShouldBe(expected);

        var elsewhere = _state.Output("copy.jsonl");
        await using (_state.Open(elsewhere))
        {
        }

        Lines(elsewhere).ShouldBe(expected);
    }

    [Fact]
    public async Task A_resumed_run_appends_after_the_earlier_items_without_repeating_them()
    {
        var output = _state.Output();
        var first = await CommitItemsAsync(output, 3);
        var second = await CommitItemsAsync(output, 2, from: 3);

        Lines(output).ShouldBe([.. first, .. second]);
    }

    [Fact]
    public async Task A_csv_header_belongs_to_the_known_good_prefix()
    {
        var output = _state.Output("items.csv");
        await CommitItemsAsync(output, 2);
        File.AppendAllText(output, "torn,1");
        await CommitItemsAsync(output, 1, from: 2);

        var rows = File.ReadAllText(output).Split("\r\n");
        rows[0].ShouldBe("title,price,url");
        rows[1..^1].ShouldBe(["Item /0,1.5,http://a.example/0", "Item /1,1.5,http://a.example/1", "Item /2,1.5,http://a.example/2"]);
        rows[^1].ShouldBe(string.Empty);
    }

    [Fact]
    public async Task An_output_in_another_format_than_the_states_items_is_refused_naming_the_output()
    {
        await CommitItemsAsync(_state.Output(), 1);

        var error = Should.Throw<ScrapeOptionsException>(() => _state.Open(_state.Output("items.csv")));

        error.OptionName.ShouldBe("OutputPath");
        error.Message.ShouldContain("JSON Lines");
    }

    [Fact]
    public async Task An_output_file_that_cannot_be_written_is_refused_naming_the_output_and_leaves_the_state_free()
    {
        var blocker = _state.Output("blocker");
        File.WriteAllText(blocker, "a file where a directory should be");

        var error = Should.Throw<ScrapeOptionsException>(() => _state.Open(Path.Combine(blocker, "items.jsonl")));

        error.OptionName.ShouldBe("OutputPath");
        await using var again = _state.Open(_state.Output());
        again.Resumed.ShouldNotBeNull("the failed run had created the state");
        again.Resumed.EarlierRuns.ShouldBe(0, "a run refused at start-up is not counted");
    }

    [Fact]
    public async Task The_file_is_synced_and_marked_once_a_second_while_the_run_goes_on()
    {
        var output = _state.Output();
        var time = new ManualTimeProvider();
        await using var store = _state.Open(output, time: time);
        await store.AdmitAsync([StateFixture.Candidate("http://a.example/1")], CancellationToken.None);
        store.TryLease("a.example", out var lease).ShouldBeTrue();
        await store.CompleteAsync(StateFixture.Page(lease, StateFixture.Processed(lease), [StateFixture.ItemOf(lease)]), CancellationToken.None);
        ReadShared(output).ShouldBeEmpty("committed records wait for the flush");

        time.Advance(ItemWriter<Product>.FlushInterval);

        // The tick queued a flush to the store's thread: two round trips through its queue are past it.
        await store.AdmitAsync([], CancellationToken.None);
        await store.AdmitAsync([], CancellationToken.None);
        ReadShared(output).ShouldBe(Line(lease) + "\n");
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    private void SetMark(long seq, long length)
    {
        using var connection = new SqliteConnection($"Data Source={_state.DatabaseFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE meta SET value = $seq WHERE key = 'output_seq'; UPDATE meta SET value = $length WHERE key = 'output_length'";
        command.Parameters.AddWithValue("$seq", seq);
        command.Parameters.AddWithValue("$length", length);
        command.ExecuteNonQuery();
    }
}
