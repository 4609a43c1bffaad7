using ContentStudio.Core.Channels;

namespace ContentStudio.Core.Generation;

public enum GenerationTaskStatus { Pending, Claimed, Done, NeedsAttention, Cancelled }
