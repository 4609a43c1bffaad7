using ContentStudio.Core.Review;
using static ContentStudio.Core.Kernel.ReviewAction;
using static ContentStudio.Core.Kernel.ReviewState;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Tests.Review;

public sealed class ReviewTransitionsTests
{
    // The workflow as the issue states it, written out independently of the table under test.
    public static TheoryData<ReviewState, ReviewAction, ReviewState> Allowed => new()
    {
        { Generated, Submit, InReview },
        { Generated, Edit, Generated },
        // Fresh copy is decided on directly (no per-item submit step).
        { Generated, Approve, Approved },
        { Generated, OverrideApprove, Approved },
        { Generated, Reject, Rejected },
        { Generated, RequestChanges, ChangesRequested },
        { InReview, Approve, Approved },
        { InReview, OverrideApprove, Approved },
        { InReview, Reject, Rejected },
        { InReview, RequestChanges, ChangesRequested },
        { InReview, Edit, InReview },
        { ChangesRequested, Edit, ChangesRequested },
        { ChangesRequested, Submit, InReview },
        { Approved, Schedule, Scheduled },
        { Approved, Edit, InReview },
        { Approved, Publish, Published },
        { Scheduled, Publish, Published },
        { Scheduled, Edit, InReview },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void AllowsEachTransitionOfTheWorkflow(ReviewState from, ReviewAction action, ReviewState to)
    {
        ReviewTransitions.Next(from, action).ShouldBe(to);
        ReviewTransitions.TryNext(from, action, out var next).ShouldBeTrue();
        next.ShouldBe(to);
    }

    [Fact]
    public void TableHoldsNothingBeyondTheWorkflow()
    {
        var expected = Allowed.Select(row => ((ReviewState)row[0], (ReviewAction)row[1], (ReviewState)row[2])).ToList();
        ReviewTransitions.All.Select(t => (t.From, t.Action, t.To)).ShouldBe(expected, ignoreOrder: true);
    }

    [Fact]
    public void EveryOtherPairIsIllegal()
    {
        var allowed = Allowed.Select(row => ((ReviewState)row[0], (ReviewAction)row[1])).ToHashSet();
        foreach (var state in Enum.GetValues<ReviewState>())
        foreach (var action in Enum.GetValues<ReviewAction>().Where(a => !allowed.Contains((state, a))))
        {
            ReviewTransitions.TryNext(state, action, out _).ShouldBeFalse($"{state} + {action}");
            Should.Throw<IllegalTransitionException>(() => ReviewTransitions.Next(state, action));
        }
    }

    [Theory]
    [InlineData(Generated, Schedule)]
    [InlineData(Generated, Publish)]
    [InlineData(InReview, Schedule)]
    [InlineData(ChangesRequested, Approve)]
    [InlineData(Approved, Approve)]
    [InlineData(Published, Publish)]
    [InlineData(Scheduled, Schedule)]
    public void IllegalTransitionNamesTheStateTheActionAndWhatIsAllowed(ReviewState from, ReviewAction action)
    {
        var e = Should.Throw<IllegalTransitionException>(() => ReviewTransitions.Next(from, action));

        e.Current.ShouldBe(from);
        e.Attempted.ShouldBe(action);
        e.Allowed.ShouldBe(ReviewTransitions.AllowedFrom(from));
        e.Message.ShouldContain($"Cannot {Access.BareVerb(action)} a variant that is {ReviewWords.Describe(from)}");
        foreach (var allowed in e.Allowed) e.Message.ShouldContain(ReviewWords.Label(allowed).ToLowerInvariant());
    }

    [Fact]
    public void IllegalTransitionMessageListsTheAllowedActions()
    {
        var e = Should.Throw<IllegalTransitionException>(() => ReviewTransitions.Next(ChangesRequested, Approve));
        e.Message.ShouldBe("Cannot approve a variant that is waiting for the changes a reviewer asked for. What can be done now: edit, submit for review.");
    }

    [Theory]
    [InlineData(Rejected)]
    [InlineData(Published)]
    public void FinalStatesAllowNothingAndSaySo(ReviewState final)
    {
        ReviewTransitions.AllowedFrom(final).ShouldBeEmpty();
        var e = Should.Throw<IllegalTransitionException>(() => ReviewTransitions.Next(final, Edit));
        e.Message.ShouldContain("That is final");
    }

    [Fact]
    public void EveryStateAndActionHasPlainWordsNotItsEnumName()
    {
        // Plain words: a capital only at the start (no "InReview", no "RequestChanges"), lower case inside a sentence.
        foreach (var state in Enum.GetValues<ReviewState>())
        {
            ReviewWords.Label(state)[1..].ShouldBe(ReviewWords.Label(state)[1..].ToLowerInvariant(), state.ToString());
            ReviewWords.Describe(state).ShouldBe(ReviewWords.Describe(state).ToLowerInvariant(), state.ToString());
        }
        foreach (var action in Enum.GetValues<ReviewAction>())
            ReviewWords.Label(action)[1..].ShouldBe(ReviewWords.Label(action)[1..].ToLowerInvariant(), action.ToString());
        ReviewWords.Label(ChangesRequested).ShouldBe("Changes requested");
        ReviewWords.Label(RequestChanges).ShouldBe("Request changes");
    }
}
