namespace DeclarativeScrape;

/// <summary>
/// One request to a persistent store's thread (<see cref="GroupCommit"/>). Each kind of work is its own type, carrying
/// exactly what it needs and how its caller learns the answer.
/// </summary>
internal abstract class StoreWork
{
    /// <summary>Whether it writes, and so is committed with the other writes of its group in one transaction.</summary>
    public virtual bool IsWrite => false;

    /// <summary>Whether it is a leased URL's completion: while URLs are in flight, their completions are coming, and a group may wait for them.</summary>
    public virtual bool IsCompletion => false;

    /// <summary>Whether its caller waits for it now, so its group must not be held open for more.</summary>
    public virtual bool Urgent => false;

    /// <summary>The store broke (a state that cannot be read or written): the caller, if one waits, gets the error.</summary>
    public virtual void Fail(Exception error)
    {
    }
}
