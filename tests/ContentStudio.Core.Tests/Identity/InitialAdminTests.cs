using ContentStudio.Core.Identity;

namespace ContentStudio.Core.Tests.Identity;

public class InitialAdminTests
{
    [Fact]
    public void GeneratedPasswordsAreLongMixedAndNeverRepeat()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => InitialAdmin.GeneratePassword()).ToList();
        passwords.Distinct().Count().ShouldBe(200);
        foreach (var p in passwords)
        {
            p.Length.ShouldBe(24);
            p.ShouldContain(c => char.IsLower(c));
            p.ShouldContain(c => char.IsUpper(c));
            p.ShouldContain(c => char.IsDigit(c));
            p.ShouldContain(c => !char.IsLetterOrDigit(c));
            p.ShouldNotContain(' ');
        }
    }
}
