package org.hotline.cti.switching.asterisk;

import java.util.Set;

/**
 * AMI events the adapter knows and deliberately does not use. Anything neither handled nor listed
 * here is "unknown": counted and warned about, so a new Asterisk version cannot change behaviour
 * unnoticed.
 */
final class KnownIgnored {
    static final Set<String> NAMES = Set.of(
            "FullyBooted", "SuccessfulAuth", "ChallengeSent", "InvalidPassword", "ChallengeResponseFailed",
            "NewConnectedLine", "NewCallerid", "NewAccountCode", "HangupRequest", "SoftHangupRequest",
            "DeviceStateChange", "ExtensionStatus", "PeerStatus", "ContactStatus", "Registry",
            "RTCPSent", "RTCPReceived", "Cdr", "CEL", "DialState", "DTMFBegin",
            "AGIExecStart", "AGIExecEnd", "AsyncAGIStart", "AsyncAGIExec", "AsyncAGIEnd",
            "MusicOnHoldStart", "MusicOnHoldStop", "MixMonitorStart", "MixMonitorStop", "MixMonitorMute",
            "BridgeCreate", "BridgeDestroy", "BridgeMerge", "BridgeVideoSourceUpdate", "LocalBridge",
            "LocalOptimizationBegin", "LocalOptimizationEnd", "AgentCalled", "AgentConnect", "AgentComplete",
            "AgentDump", "QueueParams", "QueueSummary", "QueueSummaryComplete", "QueueMemberRinginuse",
            "ConfbridgeStart", "ConfbridgeLeave", "ConfbridgeList", "ConfbridgeListComplete", "ConfbridgeTalking",
            "ConfbridgeMute", "ConfbridgeUnmute", "Status", "StatusComplete", "CoreShowChannelMapComplete",
            "BridgeListItem", "BridgeListComplete", "BridgeInfoChannel", "BridgeInfoComplete",
            "DeviceStateListComplete", "EndpointList", "EndpointListComplete", "ContactList", "ContactListComplete",
            "UserEvent", "Reload", "Shutdown", "Newexten", "VarSet", "Pickup", "MessageWaiting",
            "VoicemailPasswordChange", "LoadAverageLimit", "MemoryLimit", "SessionTimeout", "Load", "Unload",
            "AOC-D", "AOC-E", "AOC-S", "ChannelTalkingStart", "ChannelTalkingStop", "DNDState", "Flash", "Wink",
            "FAXStatus", "ReceiveFAX", "SendFAX", "AttendedTransfer", "BlindTransfer", "Hold", "Unhold",
            "OriginateResponse", "DTMFEnd", "ChanSpyStart", "ChanSpyStop", "CoreShowChannel",
            "CoreShowChannelsComplete", "QueueEntry", "QueueStatusComplete", "QueueMember", "QueueCallerJoin",
            "QueueCallerLeave", "QueueCallerAbandon", "RequestBadFormat", "RequestNotAllowed",
            "InvalidAccountID", "UnexpectedAddress", "FailedACL", "SecurityEvent");

    private KnownIgnored() {}
}
