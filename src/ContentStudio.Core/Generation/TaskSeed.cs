using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using ContentStudio.Core.Channels;

namespace ContentStudio.Core.Generation;

/// <summary>The seed of a task, derived from its identity so a task re-tried after a crash asks the model the
/// same question with the same seed (and the offline composer writes the same copy).</summary>
public static class TaskSeed
{
    public static int For(Guid runId, string segmentKey, ChannelKind channel, int variantIndex)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{runId:N}|{segmentKey}|{channel}|{variantIndex}"));
        return (int)(BinaryPrimitives.ReadUInt32LittleEndian(hash) & 0x7FFF_FFFF);
    }
}
