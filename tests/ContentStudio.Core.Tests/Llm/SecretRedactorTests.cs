using ContentStudio.Core.Llm;

namespace ContentStudio.Core.Tests.Llm;

public class SecretRedactorTests
{
    readonly SecretRedactor _redactor = new(["my-configured-key-42"]);

    [Theory]
    [InlineData("Incorrect API key provided: sk-proj-AbCdEf0123456789xyz. You can find your key at https://platform.openai.com", "sk-proj-AbCdEf0123456789xyz")]
    [InlineData("Incorrect API key provided: sk-proj-********************wxyz.", "********wxyz")]
    [InlineData("rejected header Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload", "eyJhbGciOiJIUzI1NiJ9")]
    [InlineData("{\"api-key\": \"0123abcd\"}", "0123abcd")]
    [InlineData("api-key: abcdefgh123", "abcdefgh123")]
    [InlineData("token 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 expired", "9f86d081884c7d659a2feaa0c55ad015")]
    [InlineData("signature dGhpcyBpcyBhIHNlY3JldCB0b2tlbiB2YWx1ZSAxMjM0NQ== invalid", "dGhpcyBpcyBhIHNlY3JldCB0b2tlbiB2YWx1ZSAxMjM0NQ")]
    [InlineData("the key my-configured-key-42 is not valid for this deployment", "my-configured-key-42")]
    public void MasksKeyShapedTextAndTheConfiguredKey(string text, string secret)
    {
        var redacted = _redactor.Redact(text);
        redacted.ShouldNotContain(secret);
        redacted.ShouldContain(SecretRedactor.Mask);
    }

    [Theory]
    [InlineData("the model provider answered HTTP 503: Service Unavailable")]
    [InlineData("Rate limit reached for gpt-4o-mini in organization on tokens per min (TPM): Limit 30000, Used 29000")]
    [InlineData("could not reach the model provider: Connection refused (127.0.0.1:11434)")]
    public void LeavesOrdinaryErrorTextAlone(string text) => _redactor.Redact(text).ShouldBe(text);
}
